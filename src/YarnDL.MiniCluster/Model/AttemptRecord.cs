namespace YarnDL.MiniCluster.Model;

/// <summary>One application attempt; mutated only under the RM lock.</summary>
internal sealed class AttemptRecord
{
    public required int Number { get; init; }
    public required string Id { get; init; }
    public required long StartTime { get; init; }
    public ContainerRecord? AmContainer { get; set; }
    public long FinishTime { get; set; }
    public bool Registered { get; set; }
    public bool Unregistered { get; set; }

    /// <summary>What the RM itself wrote into the attempt's diagnostics before the AM's unregister text, which is appended
    /// to it with no separator (RMAppAttemptImpl: a recovered attempt starts with "Attempt recovered after RM restart").</summary>
    public string DiagnosticsPrefix { get; set; } = "";
    public string State { get; set; } = "LAUNCHED";
    public HashSet<string> Blacklist { get; } = new(StringComparer.Ordinal);
    public long NextContainerSequence { get; set; } = 2;
}
