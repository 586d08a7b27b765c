namespace YarnDL.Spec.Model;

/// <summary>Early stopping of trials that do worse than their siblings.</summary>
public sealed record EarlyStoppingSpec
{
    /// <summary>Stopping rule (only <c>median</c>).</summary>
    public EarlyStoppingRule Rule { get; init; } = EarlyStoppingRule.Median;

    /// <summary>Completed trials needed before the rule applies (default 3).</summary>
    public int MinTrials { get; init; } = SpecDefaults.EarlyStoppingMinTrials;

    /// <summary>Epochs a trial always runs before it can be stopped (default 1).</summary>
    public int GraceEpochs { get; init; } = 1;
}
