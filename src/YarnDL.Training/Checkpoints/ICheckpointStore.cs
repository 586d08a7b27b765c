namespace YarnDL.Training.Checkpoints;

/// <summary>Where the chief's checkpoint lives; a save replaces the previous checkpoint atomically.</summary>
internal interface ICheckpointStore
{
    /// <summary>The checkpoint's full name (a local path or an hdfs:// URI), for logs and messages.</summary>
    string PathName { get; }

    void Save(CheckpointState state);

    /// <summary>The latest checkpoint, or null when there is none.</summary>
    CheckpointState? TryLoad();
}
