namespace YarnDL.Training.Session;

/// <summary>How a session ended.</summary>
/// <param name="Stopped">True when the AM asked to stop before the last epoch.</param>
/// <param name="ReachedTarget">True when the target accuracy ended training early.</param>
internal sealed record TrainingResult(long Step, int Epochs, double TestAccuracy, double Loss, bool Stopped, bool ReachedTarget, double Seconds)
{
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["accuracy"] = TestAccuracy,
        ["val_accuracy"] = TestAccuracy,
        ["loss"] = Loss,
        ["steps"] = Step,
        ["epochs"] = Epochs,
        ["seconds"] = Seconds,
    };
}
