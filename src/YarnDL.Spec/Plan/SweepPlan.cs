using YarnDL.Spec.Model;

namespace YarnDL.Spec.Plan;

/// <summary>How trials share the AM: concurrency, failure budget, objective and early stopping.</summary>
public sealed record SweepPlan
{
    /// <summary>Approximate steps per epoch that turn <c>early-stopping.grace-epochs</c> into grace steps.</summary>
    public const long GraceStepsPerEpoch = 100;

    /// <summary>At most this many clusters run at once.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The job fails once MORE than this many trials failed (0: any failure fails the job).</summary>
    public int MaxFailedTrials { get; init; }

    /// <summary>Metric reported by tasks that ranks trials, e.g. <c>val_accuracy</c>; null = no ranking.</summary>
    public string? ObjectiveMetric { get; init; }

    public ObjectiveGoal Goal { get; init; } = ObjectiveGoal.Maximize;

    /// <summary>Median-rule early stopping: stop a trial whose objective is worse than the median of the others at the same step.</summary>
    public bool EarlyStopping { get; init; }

    /// <summary>Number of finished or reporting trials required before the median rule applies.</summary>
    public int EarlyStoppingMinTrials { get; init; } = SpecDefaults.EarlyStoppingMinTrials;

    /// <summary>Step from which the median rule applies.</summary>
    public long EarlyStoppingGraceSteps { get; init; } = GraceStepsPerEpoch;

    /// <summary>The sweep section (null without a sweep) as the AM applies it. <c>max-failed-trials: n</c> fails the
    /// sweep at the n-th failure; without it a sweep never fails for failed trials, and a single run fails at its first.</summary>
    public static SweepPlan From(SweepSpec? sweep, int trials) => sweep is null
        ? new SweepPlan()
        : new SweepPlan
        {
            Parallel = sweep.Parallel,
            MaxFailedTrials = sweep.MaxFailedTrials is { } n ? n - 1 : trials,
            ObjectiveMetric = sweep.Objective?.Metric,
            Goal = sweep.Objective?.Goal ?? ObjectiveGoal.Maximize,
            EarlyStopping = sweep.EarlyStopping is not null,
            EarlyStoppingMinTrials = sweep.EarlyStopping?.MinTrials ?? SpecDefaults.EarlyStoppingMinTrials,
            EarlyStoppingGraceSteps = (sweep.EarlyStopping?.GraceEpochs ?? 1) * GraceStepsPerEpoch,
        };
}
