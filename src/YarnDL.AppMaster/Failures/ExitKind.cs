namespace YarnDL.AppMaster.Failures;

/// <summary>Why a container ended, as far as the restart budget is concerned.</summary>
internal enum ExitKind
{
    /// <summary>Exit 0.</summary>
    Success,

    /// <summary>The task's own failure (non-zero exit, memory limit): uses the role's restart budget.</summary>
    CodeFailure,

    /// <summary>Lost node, preemption, RM kill, disk failure, AM stop: free of charge.</summary>
    Infrastructure,
}
