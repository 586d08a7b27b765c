namespace YarnDL.TaskProtocol;

/// <summary>Periodic liveness and progress report of a task.</summary>
/// <param name="Step">Global optimizer step reached.</param>
/// <param name="Epoch">Epoch in progress (0-based).</param>
/// <param name="Metrics">Latest metrics, e.g. loss, accuracy, val_accuracy, examples_per_s.</param>
/// <param name="CheckpointStep">Step of the newest complete checkpoint, or -1.</param>
public sealed record HeartbeatRequest(
    TaskIdentity Task,
    long Step,
    int Epoch,
    IReadOnlyDictionary<string, double> Metrics,
    long CheckpointStep);
