namespace YarnDL.AppMaster.Job;

/// <summary>Knobs of the AM loop; defaults in <see cref="DriverDefaults"/>, checked once by <see cref="Validate"/>.</summary>
internal sealed record DriverOptions
{
    public TimeSpan HeartbeatInterval { get; init; } = DriverDefaults.HeartbeatInterval;

    /// <summary>How long preempted tasks get to checkpoint before their containers are released.</summary>
    public TimeSpan PreemptionGrace { get; init; } = DriverDefaults.PreemptionGrace;

    /// <summary>Failures on one node before it is blacklisted.</summary>
    public int NodeFailureThreshold { get; init; } = DriverDefaults.NodeFailureThreshold;

    public TimeSpan UnregisterRetry { get; init; } = DriverDefaults.UnregisterRetry;

    /// <summary>Consecutive failed heartbeats (transport errors) before the AM gives up.</summary>
    public int MaxHeartbeatFailures { get; init; } = DriverDefaults.MaxHeartbeatFailures;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            problems.Add("heartbeat interval must be positive");
        }

        if (PreemptionGrace < TimeSpan.Zero)
        {
            problems.Add("preemption grace must not be negative");
        }

        if (NodeFailureThreshold < 1)
        {
            problems.Add("node failure threshold must be >= 1");
        }

        if (MaxHeartbeatFailures < 1)
        {
            problems.Add("max heartbeat failures must be >= 1");
        }

        return problems;
    }
}
