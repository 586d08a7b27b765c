using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Yarn.Rest.Cluster;

/// <summary><c>GET /ws/v1/cluster/metrics</c> → <c>{"clusterMetrics":{…}}</c> (subset).</summary>
public sealed class ClusterMetrics
{
    [JsonPropertyName("appsSubmitted")] public int AppsSubmitted { get; init; }
    [JsonPropertyName("appsRunning")] public int AppsRunning { get; init; }
    [JsonPropertyName("appsPending")] public int AppsPending { get; init; }
    [JsonPropertyName("totalMB")] public long TotalMB { get; init; }
    [JsonPropertyName("availableMB")] public long AvailableMB { get; init; }
    [JsonPropertyName("allocatedMB")] public long AllocatedMB { get; init; }
    [JsonPropertyName("totalVirtualCores")] public long TotalVirtualCores { get; init; }
    [JsonPropertyName("availableVirtualCores")] public long AvailableVirtualCores { get; init; }
    [JsonPropertyName("activeNodes")] public int ActiveNodes { get; init; }
    [JsonPropertyName("totalNodes")] public int TotalNodes { get; init; }
    [JsonPropertyName("totalClusterResourcesAcrossPartition")] public ResourceInfo? TotalClusterResourcesAcrossPartition { get; init; }
    [JsonPropertyName("totalUsedResourcesAcrossPartition")] public ResourceInfo? TotalUsedResourcesAcrossPartition { get; init; }
}
