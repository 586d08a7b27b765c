using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Cluster;

internal sealed class ClusterMetricsEnvelope
{
    [JsonPropertyName("clusterMetrics")] public ClusterMetrics? ClusterMetrics { get; init; }
}
