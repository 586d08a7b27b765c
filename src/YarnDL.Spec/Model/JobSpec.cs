namespace YarnDL.Spec.Model;

/// <summary>The root of a job.yaml file.</summary>
public sealed record JobSpec
{
    /// <summary>Application name shown by YARN.</summary>
    public required string Name { get; init; }

    /// <summary>YARN leaf queue; null lets the RM choose (usually <c>default</c>).</summary>
    public string? Queue { get; init; }

    /// <summary>YARN application priority; null lets the RM choose.</summary>
    public int? Priority { get; init; }

    /// <summary>Application tags (at most 10, each at most 100 characters).</summary>
    public List<string> Tags { get; init; } = [];

    /// <summary>Docker image for the AM and every role without its own image.</summary>
    public string? Image { get; init; }

    /// <summary>ApplicationMaster resources and packaging.</summary>
    public AmSpec Am { get; init; } = new();

    /// <summary>The built-in ILGPU trainer and its hyper-parameters (exclusive with <see cref="Command"/>).</summary>
    public TrainerSpec? Trainer { get; init; }

    /// <summary>A shell command every task runs (exclusive with <see cref="Trainer"/>).</summary>
    public string? Command { get; init; }

    /// <summary>Roles by name: chief, worker, ps, evaluator or custom names.</summary>
    public Dictionary<string, RoleSpec> Roles { get; init; } = [];

    /// <summary>Hyper-parameter sweep; absent means one trial.</summary>
    public SweepSpec? Sweep { get; init; }

    /// <summary>Default restart policy for every role.</summary>
    public RestartSpec Restart { get; init; } = new();

    /// <summary>Checkpoint location and frequency.</summary>
    public CheckpointSpec? Checkpoint { get; init; }

    /// <summary>Time limits.</summary>
    public DeadlinesSpec Deadlines { get; init; } = new();

    /// <summary>Node label, node attributes and anti-affinity.</summary>
    public PlacementSpec Placement { get; init; } = new();

    /// <summary>Docker mounts and network.</summary>
    public DockerSpec Docker { get; init; } = new();
}
