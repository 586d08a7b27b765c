using System.Text.Json.Serialization;

namespace YarnDL.Client.Tracking;

/// <summary>The AM's <c>GET /api/v1/status</c> document (state RUNNING, SUCCEEDED or FAILED; <see cref="Waiting"/> says what it waits for).</summary>
public sealed record AmStatus
{
    [JsonPropertyName("job")] public string Job { get; init; } = "";
    /// <summary>The AM attempt serving this document (a later one took over from an AM that ended).</summary>
    [JsonPropertyName("attempt")] public int Attempt { get; init; }
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("diagnostics")] public string? Diagnostics { get; init; }
    [JsonPropertyName("waiting")] public string? Waiting { get; init; }
    [JsonPropertyName("bestCluster")] public string? BestCluster { get; init; }
    [JsonPropertyName("bestHyperParameters")] public Dictionary<string, string>? BestHyperParameters { get; init; }
    [JsonPropertyName("clusters")] public List<AmClusterStatus> Clusters { get; init; } = [];

    /// <summary>The best trial's cluster, when the AM has ranked one.</summary>
    [JsonIgnore]
    public AmClusterStatus? Best => BestCluster is { } id ? Clusters.FirstOrDefault(c => c.Id == id) : null;
}

/// <summary>One trial's cluster (a sweep trial, or the only cluster).</summary>
public sealed record AmClusterStatus
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("generation")] public int Generation { get; init; }
    [JsonPropertyName("restarts")] public int Restarts { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    /// <summary>Why the cluster last restarted (preempted, node lost, AM attempt N took over…) and where it resumed.</summary>
    [JsonPropertyName("restartReason")] public string? RestartReason { get; init; }
    [JsonPropertyName("hyperParameters")] public Dictionary<string, string> HyperParameters { get; init; } = [];
    [JsonPropertyName("metrics")] public Dictionary<string, double> Metrics { get; init; } = [];
    [JsonPropertyName("tasks")] public List<AmTaskStatus> Tasks { get; init; } = [];
}

/// <summary>One task (role:index) of a cluster.</summary>
public sealed record AmTaskStatus
{
    [JsonPropertyName("role")] public string Role { get; init; } = "";
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("containerId")] public string? ContainerId { get; init; }
    [JsonPropertyName("node")] public string? Node { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("step")] public long Step { get; init; }
    /// <summary>0-based epoch of the task's last heartbeat.</summary>
    [JsonPropertyName("epoch")] public int Epoch { get; init; }
    [JsonPropertyName("metrics")] public Dictionary<string, double> Metrics { get; init; } = [];
    [JsonPropertyName("exitReason")] public string? ExitReason { get; init; }
    [JsonPropertyName("logUrl")] public string? LogUrl { get; init; }
}
