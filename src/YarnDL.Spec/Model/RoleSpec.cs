using YarnDL.Spec.Units;

namespace YarnDL.Spec.Model;

/// <summary>One role (task type) of a training cluster.</summary>
public sealed record RoleSpec
{
    /// <summary>Number of tasks (default 1).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Memory per task (default 2g).</summary>
    public MemorySize Memory { get; init; } = MemorySize.FromMegabytes(SpecDefaults.RoleMemoryMb);

    /// <summary>Vcores per task (default 1).</summary>
    public int Vcores { get; init; } = 1;

    /// <summary>GPUs per task, <c>yarn.io/gpu</c> (default 0).</summary>
    public int Gpus { get; init; }

    /// <summary>Extra environment variables.</summary>
    public Dictionary<string, string> Env { get; init; } = [];

    /// <summary>Docker image overriding the job's image.</summary>
    public string? Image { get; init; }

    /// <summary>Restart policy overriding the job's.</summary>
    public RestartPolicy? Restart { get; init; }

    /// <summary>Node attribute expressions of this role's containers, added to <c>placement.node-attributes</c>.</summary>
    public List<string> NodeAttributes { get; init; } = [];
}
