namespace YarnDL.AppMaster.Ipc;

/// <summary>No RM scheduler address answered; an <see cref="IOException"/> so the driver treats it as a missed heartbeat.</summary>
internal sealed class RmUnavailableException(IReadOnlyList<string> endpointsTried, Exception inner)
    : IOException($"no RM scheduler answered (tried {string.Join(", ", endpointsTried)}): {inner.Message}", inner)
{
    public IReadOnlyList<string> EndpointsTried { get; } = endpointsTried;
}
