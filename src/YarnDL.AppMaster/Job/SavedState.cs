namespace YarnDL.AppMaster.Job;

/// <summary>What an AM attempt persists so the next attempt can re-adopt running containers.</summary>
internal sealed record SavedState(IReadOnlyList<SavedCluster> Clusters);

internal sealed record SavedCluster(
    string Id,
    int Generation,
    int Restarts,
    string State,
    string? FailureReason,
    IReadOnlyDictionary<string, double> FinalMetrics,
    IReadOnlyList<SavedTask> Tasks);

internal sealed record SavedTask(string Role, int Index, string State, string? ContainerId, string? NodeId, string? NodeHttpAddress, string? Address);
