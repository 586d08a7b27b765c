namespace YarnDL.AppMaster.Failures;

/// <summary>Why a container ended, as far as the restart budget is concerned.</summary>
internal enum ExitKind
{
    /// <summary>Exit 0.</summary>
    Success,

    /// <summary>The task's own failure (non-zero exit, memory limit): uses the role's restart budget.</summary>
    CodeFailure,

    /// <summary>The job's own mistake that no restart or other node can fix: the program was not found (127) or is not
    /// executable (126), or it refused its settings (2, the usage-error convention the trainer follows). Fails the
    /// cluster at once and never counts against the node.</summary>
    JobFailure,

    /// <summary>Lost node, preemption, RM kill, disk failure, AM stop: free of charge.</summary>
    Infrastructure,
}
