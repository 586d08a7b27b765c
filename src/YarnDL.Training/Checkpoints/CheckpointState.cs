using YarnDL.Training.Model;

namespace YarnDL.Training.Checkpoints;

/// <summary>Everything needed to resume at the exact step: weights, optimizer state and the data position
/// (the global step; the epoch's shuffle is derived from the seed, so the step fixes the next batch).</summary>
internal sealed record CheckpointState(
    long Step,
    int WorldSize,
    int GlobalBatch,
    OptimizerKind Optimizer,
    long OptimizerSteps,
    float[] Parameters,
    float[] First,
    float[] Second);
