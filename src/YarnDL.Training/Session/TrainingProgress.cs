namespace YarnDL.Training.Session;

/// <summary>A snapshot of training progress, as reported to the AM.</summary>
internal sealed record TrainingProgress(long Step, int Epoch, IReadOnlyDictionary<string, double> Metrics, long CheckpointStep);
