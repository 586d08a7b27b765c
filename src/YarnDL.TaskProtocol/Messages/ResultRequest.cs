namespace YarnDL.TaskProtocol;

/// <summary>Final report of a task before it exits.</summary>
/// <param name="Succeeded">True when training finished normally.</param>
/// <param name="Metrics">Final metrics (the chief's carry the trial's objective).</param>
/// <param name="Message">Human-readable outcome or error.</param>
public sealed record ResultRequest(
    TaskIdentity Task,
    bool Succeeded,
    IReadOnlyDictionary<string, double> Metrics,
    string? Message);
