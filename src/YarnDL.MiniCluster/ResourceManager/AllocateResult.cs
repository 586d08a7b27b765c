using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>What one allocate heartbeat hands back to the AM.</summary>
internal sealed record AllocateResult(
    IReadOnlyList<ContainerRecord> Allocated,
    IReadOnlyList<ContainerRecord> Completed,
    IReadOnlyList<string> NewNmTokenNodes,
    IReadOnlyList<ContainerRecord> PreemptionNotices,
    Resource Available,
    int NumClusterNodes);
