namespace YarnDL.AppMaster.Ipc;

/// <summary>No RM scheduler address answered (each tried twice). Transient: the driver counts it as a missed heartbeat
/// and tries again on the next tick, as the RM may be restarting or failing over.</summary>
internal sealed class SchedulerUnreachableException(IReadOnlyList<string> endpointsTried, Exception inner)
    : YarnDLException($"no RM scheduler answered (tried {string.Join(", ", endpointsTried)}): {inner.Message}", inner)
{
    public IReadOnlyList<string> EndpointsTried { get; } = endpointsTried;

    public override bool IsTransient => true;
}
