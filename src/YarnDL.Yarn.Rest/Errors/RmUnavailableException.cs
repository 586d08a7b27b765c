namespace YarnDL.Yarn.Rest.Errors;

/// <summary>No ResourceManager answered (connection refused, timeouts, no active RM).</summary>
public sealed class RmUnavailableException : YarnDLException
{
    public RmUnavailableException(IReadOnlyList<Uri> endpointsTried, string reason, Exception? innerException = null)
        : base($"no active ResourceManager reachable (tried {string.Join(", ", endpointsTried)}): {reason}", innerException)
    {
        EndpointsTried = endpointsTried;
    }

    public RmUnavailableException()
        : this([], "unknown")
    {
    }

    public RmUnavailableException(string message)
        : this([], message)
    {
    }

    public RmUnavailableException(string message, Exception innerException)
        : this([], message, innerException)
    {
    }

    public IReadOnlyList<Uri> EndpointsTried { get; }

    /// <summary>When the server suggested a delay (standby RM's <c>Refresh</c> header), else null.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Transient: the RM may be restarting or failing over; Hadoop's clients keep trying for
    /// <c>yarn.resourcemanager.connect.max-wait.ms</c>.</summary>
    public override bool IsTransient => true;
}
