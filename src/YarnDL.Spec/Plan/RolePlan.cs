using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;

namespace YarnDL.Spec.Plan;

/// <summary>A role of one trial (chief, worker, ps, evaluator...) and the container shape of its tasks, every default resolved.</summary>
public sealed record RolePlan
{
    public required string Name { get; init; }

    public int Instances { get; init; } = 1;

    public long MemoryMb { get; init; } = SpecDefaults.RoleMemoryMb;

    public int Vcores { get; init; } = 1;

    public int Gpus { get; init; }

    /// <summary>Docker image (role's, else the job's); null for non-docker (local) runs.</summary>
    public string? Image { get; init; }

    /// <summary>Shell command of this role's tasks; null runs the built-in trainer.</summary>
    public string? Command { get; init; }

    /// <summary>Role env plus the trial's hyper-parameters as <c>YARNDL_HP_*</c>.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The role's <c>restart</c>, else the job's <c>restart.policy</c>.</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.OnFailure;

    /// <summary>Restarts of the cluster this role's failures (or, with <see cref="RestartPolicy.Always"/>, exits) may cost.</summary>
    public int MaxRestarts { get; init; } = SpecDefaults.MaxRestarts;

    /// <summary>True when tasks of this role must be on distinct nodes.</summary>
    public bool AntiAffinity { get; init; }

    /// <summary><c>placement.node-attributes</c> then the role's own, repeats dropped; empty = no attribute constraint.</summary>
    public IReadOnlyList<NodeAttributeExpression> NodeAttributes { get; init; } = [];
}
