namespace YarnDL.Spec.Plan;

/// <summary>Time limits the AM enforces; null = none.</summary>
public sealed record DeadlinePlan
{
    /// <summary>A cluster that does not get all its containers within this time releases what it got and retries.</summary>
    public TimeSpan? Allocation { get; init; }

    /// <summary>All tasks of a cluster must register within this time after their containers started.</summary>
    public TimeSpan? Registration { get; init; }

    /// <summary>The whole job.</summary>
    public TimeSpan? Job { get; init; }

    /// <summary>A task silent for longer than this is considered hung (not a job.yaml key).</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
