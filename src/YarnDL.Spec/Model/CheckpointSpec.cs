namespace YarnDL.Spec.Model;

/// <summary>Where and how often tasks checkpoint.</summary>
public sealed record CheckpointSpec
{
    /// <summary>Directory (local path or hdfs:// URI); each trial writes below it.</summary>
    public required string Dir { get; init; }

    /// <summary>Steps between checkpoints (default 100).</summary>
    public int EverySteps { get; init; } = SpecDefaults.CheckpointEverySteps;
}
