namespace YarnDL.AppMaster.Job;

internal static class DriverDefaults
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PreemptionGrace = TimeSpan.FromSeconds(15);
    public const int NodeFailureThreshold = 3;
    public const int MaxHeartbeatFailures = 60;
    /// <summary>startContainers calls in flight at once (NMClientAsync runs them on a pool too).</summary>
    public const int MaxConcurrentLaunches = 64;
    public static readonly TimeSpan UnregisterRetry = TimeSpan.FromMilliseconds(200);
}
