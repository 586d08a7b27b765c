namespace YarnDL.AppMaster.Rm;

/// <summary>The parts of AllocateResponseProto the AM acts on.</summary>
internal sealed record AllocateResult
{
    public int ResponseId { get; init; }

    public IReadOnlyList<AllocatedContainer> Allocated { get; init; } = [];

    public IReadOnlyList<CompletedContainer> Completed { get; init; } = [];

    /// <summary>Containers the RM re-delivers after a work-preserving RM restart.</summary>
    public IReadOnlyList<AllocatedContainer> FromPreviousAttempts { get; init; } = [];

    /// <summary>The <see cref="NmTokens"/> of a response that carries none (shared: it cannot change).</summary>
    public static readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> NoNmTokens = System.Collections.ObjectModel.ReadOnlyDictionary<string, ReadOnlyMemory<byte>>.Empty;

    /// <summary>Node id (host:port) → serialized NMToken.</summary>
    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> NmTokens { get; init; } = NoNmTokens;

    /// <summary>A rolled AMRMToken (serialized TokenProto) for new connections, or empty.</summary>
    public ReadOnlyMemory<byte> AmRmToken { get; init; }

    /// <summary>Containers named by the PreemptionMessage (strict and negotiable contract together).</summary>
    public IReadOnlyList<string> PreemptedContainers { get; init; } = [];

    public AmCommand Command { get; init; }

    public int NumClusterNodes { get; init; }

    /// <summary>Nodes whose state changed since the last allocate (updated_nodes).</summary>
    public IReadOnlyList<NodeUpdate> UpdatedNodes { get; init; } = [];
}
