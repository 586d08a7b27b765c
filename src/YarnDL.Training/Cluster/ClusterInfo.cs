namespace YarnDL.Training.Cluster;

/// <summary>Where this task sits: its role, its rank among the training roles, and the ring of ranked peers.</summary>
/// <param name="Rank">−1 for unranked roles (ps, evaluator).</param>
/// <param name="RingPeers">host:port of every ranked task, in rank order.</param>
/// <param name="Self">This task's own host:port (where it listens).</param>
internal sealed record ClusterInfo(string Role, int Index, int Rank, int WorldSize, IReadOnlyList<string> RingPeers, string? Self, bool Resume)
{
    /// <summary>host:port of every <c>ps</c> task, in index order (shard k lives on ps k).</summary>
    public IReadOnlyList<string> ParameterServers { get; init; } = [];

    public static ClusterInfo Standalone { get; } = new("chief", 0, 0, 1, [], null, false);

    public bool IsChief => Rank == 0;
}
