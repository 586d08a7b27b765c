namespace YarnDL.AppMaster.Clusters;

internal enum ClusterState
{
    /// <summary>Not started yet (waiting for a free parallel slot).</summary>
    Queued,

    /// <summary>Asking for containers.</summary>
    Allocating,

    /// <summary>All containers launched; tasks registering or training.</summary>
    Running,

    Succeeded,
    Failed,

    /// <summary>Stopped early by the median rule.</summary>
    EarlyStopped,
}
