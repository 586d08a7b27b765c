namespace YarnDL.AppMaster.Rm;

/// <summary>What one heartbeat brought, after duplicates and surplus were filtered out.</summary>
internal sealed record HeartbeatOutcome
{
    /// <summary>New containers, each matched to an outstanding ask (already decremented).</summary>
    public IReadOnlyList<AllocatedContainer> Allocated { get; init; } = [];

    /// <summary>Containers with no outstanding ask; already queued for release.</summary>
    public IReadOnlyList<AllocatedContainer> Surplus { get; init; } = [];

    /// <summary>Completed containers, excluding those the AM itself released.</summary>
    public IReadOnlyList<CompletedContainer> Completed { get; init; } = [];

    public IReadOnlyList<AllocatedContainer> Recovered { get; init; } = [];

    public IReadOnlyList<string> Preempted { get; init; } = [];

    /// <summary>Nodes the RM reported changed (updated_nodes), in its order.</summary>
    public IReadOnlyList<NodeUpdate> UpdatedNodes { get; init; } = [];

    public bool Resynced { get; init; }

    public bool ShutdownRequested { get; init; }
}
