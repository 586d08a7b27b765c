namespace YarnDL.Training.Session;

/// <summary>What changes from step to step of a run: the step count, the epoch's example order, the latest loss and
/// test accuracy, and whether the run was stopped or reached its target.</summary>
internal sealed class TrainingRunState(long step, long started)
{
    public long Step { get; set; } = step;

    /// <summary>Timestamp the steps began.</summary>
    public long Started { get; } = started;

    /// <summary>Timestamp the current epoch began (for its examples per second).</summary>
    public long EpochStart { get; set; } = started;

    /// <summary>The epoch's permutation of the training set.</summary>
    public int[] Order { get; set; } = [];

    public int OrderEpoch { get; set; } = -1;

    public double Loss { get; set; }

    public double Accuracy { get; set; }

    /// <summary>The step whose weights <see cref="Accuracy"/> scored; -1 when it no longer stands for them.</summary>
    public long AccuracyStep { get; set; } = -1;

    public long CheckpointStep { get; set; } = -1;

    public IReadOnlyDictionary<string, double> Metrics { get; set; } = new Dictionary<string, double>();

    /// <summary>A rank asked to stop.</summary>
    public bool Stopped { get; set; }

    /// <summary>The target accuracy was reached.</summary>
    public bool Reached { get; set; }
}
