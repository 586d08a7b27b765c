namespace YarnDL.AppMaster.Rm;

/// <summary>The content of one AllocateRequestProto.</summary>
internal sealed record AllocateCall(
    int ResponseId,
    float Progress,
    IReadOnlyList<ResourceAsk> Asks,
    IReadOnlyList<string> Releases,
    IReadOnlyList<string> BlacklistAdditions,
    IReadOnlyList<string> BlacklistRemovals);
