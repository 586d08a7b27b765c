namespace YarnDL.AppMaster.Failures;

/// <summary>Maps a container exit status to an <see cref="ExitKind"/> and a human reason.</summary>
internal static class ExitClassifier
{
    public static ExitKind Classify(int exitStatus) => exitStatus switch
    {
        ContainerExitStatus.Success => ExitKind.Success,
        ContainerExitStatus.Aborted or ContainerExitStatus.DisksFailed or ContainerExitStatus.Preempted
            or ContainerExitStatus.KilledByAppMaster or ContainerExitStatus.KilledByResourceManager
            or ContainerExitStatus.KilledAfterAppCompletion or ContainerExitStatus.KilledByContainerScheduler
            => ExitKind.Infrastructure,
        UsageError or NotExecutable or CommandNotFound => ExitKind.JobFailure,
        _ => ExitKind.CodeFailure,
    };

    /// <summary>Bad arguments or settings (the trainer's exit code for an unusable configuration).</summary>
    public const int UsageError = 2;

    /// <summary>bash: the command was found but cannot be executed.</summary>
    public const int NotExecutable = 126;

    /// <summary>bash: command not found.</summary>
    public const int CommandNotFound = 127;

    public static string Describe(int exitStatus) => exitStatus switch
    {
        ContainerExitStatus.Success => "exited 0",
        ContainerExitStatus.Invalid => "exit status not set",
        ContainerExitStatus.Aborted => "aborted by the RM (node lost or container released)",
        ContainerExitStatus.DisksFailed => "node disks failed",
        ContainerExitStatus.Preempted => "preempted by the RM",
        ContainerExitStatus.KilledExceededVmem => "killed: virtual memory limit exceeded",
        ContainerExitStatus.KilledExceededPmem => "killed: physical memory limit exceeded",
        ContainerExitStatus.KilledByAppMaster => "stopped by the AM",
        ContainerExitStatus.KilledByResourceManager => "killed by the RM",
        ContainerExitStatus.KilledAfterAppCompletion => "killed after the application completed",
        ContainerExitStatus.KilledByContainerScheduler => "killed by the NM container scheduler",
        ContainerExitStatus.KilledForExcessLogs => "killed: log output limit exceeded",
        UsageError => "exited 2 (the program refused its settings)",
        NotExecutable => "exited 126 (the command is not executable)",
        CommandNotFound => "exited 127 (command not found)",
        137 => "exited 137 (SIGKILL)",
        143 => "exited 143 (SIGTERM)",
        _ => $"exited {exitStatus}",
    };
}
