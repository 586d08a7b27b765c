using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Cluster;

/// <summary><c>GET /ws/v1/cluster/info</c> → <c>{"clusterInfo":{…}}</c>.</summary>
public sealed class ClusterInfo
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("startedOn")] public long StartedOn { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("haState")] public string? HaState { get; init; }
    [JsonPropertyName("resourceManagerVersion")] public string? ResourceManagerVersion { get; init; }
    [JsonPropertyName("hadoopVersion")] public string? HadoopVersion { get; init; }
    [JsonPropertyName("haZooKeeperConnectionState")] public string? HaZooKeeperConnectionState { get; init; }

    /// <summary>True when this RM is the active one (or HA is off, which reports ACTIVE too).</summary>
    [JsonIgnore]
    public bool IsActive => string.Equals(HaState, "ACTIVE", StringComparison.OrdinalIgnoreCase);
}
