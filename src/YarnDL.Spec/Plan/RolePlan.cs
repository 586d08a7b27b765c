using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;

namespace YarnDL.Spec.Plan;

/// <summary>A role of one trial with every default resolved.</summary>
public sealed record RolePlan
{
    public required string Name { get; init; }

    public required int Instances { get; init; }

    public required long MemoryMb { get; init; }

    public required int Vcores { get; init; }

    public required int Gpus { get; init; }

    /// <summary>Docker image (role's, else the job's); null for non-docker (local) runs.</summary>
    public string? Image { get; init; }

    /// <summary>Role env plus the trial's hyper-parameters as <c>YARNDL_HP_*</c>.</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }

    public required RestartPolicy Restart { get; init; }

    public required int MaxRestarts { get; init; }

    /// <summary>True when tasks of this role must be on distinct nodes.</summary>
    public bool AntiAffinity { get; init; }

    /// <summary><c>placement.node-attributes</c> then the role's own, repeats dropped; empty = no attribute constraint.</summary>
    public IReadOnlyList<NodeAttributeExpression> NodeAttributes { get; init; } = [];
}
