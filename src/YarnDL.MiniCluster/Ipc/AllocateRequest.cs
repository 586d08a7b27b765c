using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>An AllocateRequestProto as the allocate handler takes it, decoded from the frame by
/// <see cref="AllocateRequestDecoder"/>. <see cref="AskRefusal"/> is the error mapping the asks raised (an unknown
/// resource type, an overflowing value): the handler throws it first, as the RM refuses such a request.</summary>
internal sealed record AllocateRequest(
    int ResponseId,
    float Progress,
    IReadOnlyList<ContainerAsk> Asks,
    IReadOnlyList<string> Releases,
    IReadOnlyList<string> BlacklistAdditions,
    IReadOnlyList<string> BlacklistRemovals,
    IReadOnlyList<SchedulingRequestProto> SchedulingRequests,
    Exception? AskRefusal = null);
