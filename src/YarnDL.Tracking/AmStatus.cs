using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>
/// The AM's <c>GET /api/v1/status</c> document: what the AM writes, its tracking page renders and the CLI's <c>status</c>,
/// <c>wait</c> and <c>logs</c> read. State is RUNNING, SUCCEEDED or FAILED; <see cref="Waiting"/> says what the AM waits for.
/// Collections are never null: a key the document leaves out (the source-generated reader sets every init property) reads as empty.
/// </summary>
public sealed record AmStatus
{
    private readonly IReadOnlyList<AmClusterStatus> _clusters = [];

    [JsonPropertyName("job")] public string Job { get; init; } = "";

    /// <summary>The AM attempt serving this document (a later one took over from an AM that ended).</summary>
    [JsonPropertyName("attempt")] public int Attempt { get; init; }

    [JsonPropertyName("state")] public string State { get; init; } = "";

    [JsonPropertyName("diagnostics")] public string? Diagnostics { get; init; }

    [JsonPropertyName("waiting")] public string? Waiting { get; init; }

    [JsonPropertyName("bestCluster")] public string? BestCluster { get; init; }

    [JsonPropertyName("bestHyperParameters")] public IReadOnlyDictionary<string, string>? BestHyperParameters { get; init; }

    [JsonPropertyName("clusters")]
    public IReadOnlyList<AmClusterStatus> Clusters { get => _clusters; init => _clusters = value ?? []; }

    /// <summary>The best trial's cluster, when the AM has ranked one.</summary>
    [JsonIgnore]
    public AmClusterStatus? Best => BestCluster is { } id ? Clusters.FirstOrDefault(c => c.Id == id) : null;
}
