namespace YarnDL.AppMaster.Plan;

/// <summary>Everything the AM needs to run one job, independent of the job.yaml syntax (the client maps Spec → JobPlan).</summary>
internal sealed record JobPlan
{
    public required string Name { get; init; }

    /// <summary>One entry per TF-style cluster; a sweep has one per trial.</summary>
    public required IReadOnlyList<ClusterPlan> Clusters { get; init; }

    public SweepPlan Sweep { get; init; } = new();

    public RestartPlan Restart { get; init; } = new();

    public DeadlinePlan Deadlines { get; init; } = new();

    /// <summary>Base checkpoint directory; each cluster writes under <c>{dir}/{clusterId}</c>.</summary>
    public string? CheckpointDir { get; init; }

    /// <summary>Node label expression for every ask, or null for the default partition.</summary>
    public string? NodeLabel { get; init; }

    /// <summary>Trainer settings passed to every task as JSON (model, dataset, epochs...).</summary>
    public IReadOnlyDictionary<string, string> Trainer { get; init; } = new Dictionary<string, string>();
}
