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
        _ => ExitKind.CodeFailure,
    };

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
        137 => "exited 137 (SIGKILL)",
        143 => "exited 143 (SIGTERM)",
        _ => $"exited {exitStatus}",
    };
}
