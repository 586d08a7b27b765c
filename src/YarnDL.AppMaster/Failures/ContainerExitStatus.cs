namespace YarnDL.AppMaster.Failures;

/// <summary>YARN's ContainerExitStatus values.</summary>
internal static class ContainerExitStatus
{
    public const int Success = 0;
    public const int Invalid = -1000;
    public const int Aborted = -100;
    public const int DisksFailed = -101;
    public const int Preempted = -102;
    public const int KilledExceededVmem = -103;
    public const int KilledExceededPmem = -104;
    public const int KilledByAppMaster = -105;
    public const int KilledByResourceManager = -106;
    public const int KilledAfterAppCompletion = -107;
    public const int KilledByContainerScheduler = -108;
    public const int KilledForExcessLogs = -109;
}
