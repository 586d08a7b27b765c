namespace YarnDL.AppMaster.Clusters;

internal enum TaskState
{
    /// <summary>Waiting for a container.</summary>
    Requested,

    /// <summary>Container allocated and launched; the task has not registered yet.</summary>
    Launched,

    /// <summary>Registered its host:port.</summary>
    Registered,

    Succeeded,
    Failed,

    /// <summary>Stopped by the AM (early stop, teardown).</summary>
    Stopped,
}
