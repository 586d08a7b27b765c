namespace YarnDL.TaskProtocol;

/// <summary>What the AM asks a task to do in answer to a heartbeat.</summary>
public enum TaskCommand
{
    /// <summary>Carry on.</summary>
    None = 0,

    /// <summary>Write a checkpoint within one step (preemption is coming), then carry on.</summary>
    Checkpoint = 1,

    /// <summary>Write a checkpoint, then exit 0 (the cluster is being torn down or stopped early).</summary>
    Stop = 2,
}
