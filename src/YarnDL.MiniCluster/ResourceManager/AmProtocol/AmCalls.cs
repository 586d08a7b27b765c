using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager.AmProtocol;

/// <summary>AllocateRequestProto, decoded (the IPC layer maps protos to these).</summary>
internal sealed record AllocateCall(
    int ResponseId,
    float Progress,
    IReadOnlyList<ContainerAsk> Asks,
    IReadOnlyList<string> Releases,
    IReadOnlyList<string> BlacklistAdditions,
    IReadOnlyList<string> BlacklistRemovals);

/// <summary>AllocateResponseProto content before encoding.</summary>
internal sealed record AllocateReply(int ResponseId, AllocateResult Result);

/// <summary>RegisterApplicationMasterResponseProto content before encoding.</summary>
internal sealed record RegisterReply(
    Resource MaximumCapability,
    string Queue,
    IReadOnlyList<ContainerRecord> ContainersFromPreviousAttempts,
    IReadOnlyList<string> NmTokenNodesFromPreviousAttempts)
{
    /// <summary>True when the maximum is the RM's configured one, whose GPUs (no configured maximum) read Long.MAX_VALUE.</summary>
    public bool GpusUnbounded { get; init; }
}
