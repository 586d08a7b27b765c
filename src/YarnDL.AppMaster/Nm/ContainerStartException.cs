namespace YarnDL.AppMaster.Nm;

/// <summary>The NM refused to start a container (failed_requests entry or RPC failure).</summary>
internal sealed class ContainerStartException(string containerId, string nodeId, string reason, Exception? inner = null)
    : YarnDLException($"container {containerId} on {nodeId} could not start: {reason}", inner)
{
    public string ContainerId { get; } = containerId;

    public string NodeId { get; } = nodeId;
}
