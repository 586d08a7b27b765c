using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Cluster;

internal sealed class ClusterInfoEnvelope
{
    [JsonPropertyName("clusterInfo")] public ClusterInfo? ClusterInfo { get; init; }
}
