namespace YarnDL.Spec.Model;

/// <summary>Early-stopping rules.</summary>
public enum EarlyStoppingRule
{
    /// <summary>Stop a trial whose best objective is worse than the median of completed trials at the same epoch.</summary>
    Median,
}
