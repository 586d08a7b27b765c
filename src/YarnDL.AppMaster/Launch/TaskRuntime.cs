namespace YarnDL.AppMaster.Launch;

/// <summary>How task containers run (YARNDL_TASK_RUNTIME).</summary>
internal enum TaskRuntime
{
    /// <summary>Plain processes (MiniCluster, hosts with the trainer installed).</summary>
    Local,

    /// <summary>YARN's docker runtime; the NM's GPU plugin picks the nvidia runtime.</summary>
    Image,
}
