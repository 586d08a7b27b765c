namespace YarnDL.MiniCluster.Model;

/// <summary>Hadoop's <c>ContainerExitStatus</c> values.</summary>
public static class ExitStatus
{
    public const int Success = 0;
    public const int Invalid = -1000;
    public const int Aborted = -100;
    public const int DisksFailed = -101;
    public const int Preempted = -102;
    public const int KilledByAppMaster = -105;
    public const int KilledByResourceManager = -106;
    public const int KilledAfterAppCompletion = -107;
}
