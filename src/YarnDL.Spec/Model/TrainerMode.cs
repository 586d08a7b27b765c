namespace YarnDL.Spec.Model;

/// <summary>What the built-in trainer does.</summary>
public enum TrainerMode
{
    /// <summary>Train (and checkpoint).</summary>
    Train,

    /// <summary>Batch inference: each task scores its shard of the data set with a checkpoint and writes predictions CSV.</summary>
    Infer,
}
