namespace YarnDL.AppMaster.Plan;

/// <summary>How trials share the AM: concurrency, failure budget, objective and early stopping.</summary>
internal sealed record SweepPlan
{
    /// <summary>At most this many clusters run at once.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The job fails once more than this many trials failed (0 = any failure fails the job when there is a single trial).</summary>
    public int MaxFailedTrials { get; init; }

    /// <summary>Metric reported by tasks that ranks trials, e.g. <c>val_accuracy</c>; null = no ranking.</summary>
    public string? ObjectiveMetric { get; init; }

    public ObjectiveGoal Goal { get; init; } = ObjectiveGoal.Maximize;

    /// <summary>Median-rule early stopping: stop a trial whose objective is worse than the median of the others at the same step.</summary>
    public bool EarlyStopping { get; init; }

    /// <summary>Number of finished or reporting trials required before the median rule applies.</summary>
    public int EarlyStoppingMinTrials { get; init; } = 3;

    /// <summary>Step from which the median rule applies.</summary>
    public long EarlyStoppingGraceSteps { get; init; } = 100;
}
