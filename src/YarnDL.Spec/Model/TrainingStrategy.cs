namespace YarnDL.Spec.Model;

/// <summary>How workers exchange gradients.</summary>
public enum TrainingStrategy
{
    /// <summary>Ring all-reduce among workers (and chief).</summary>
    Allreduce,

    /// <summary>Parameter servers (needs a <c>ps</c> role).</summary>
    Ps,
}
