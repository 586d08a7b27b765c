using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Yarn.Rest.Nodes;

/// <summary><c>NodeInfo</c> of <c>GET /ws/v1/cluster/nodes</c>.</summary>
public sealed class NodeReport
{
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;
    [JsonPropertyName("rack")] public string? Rack { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("nodeHostName")] public string? NodeHostName { get; init; }
    [JsonPropertyName("nodeHTTPAddress")] public string? NodeHttpAddress { get; init; }
    [JsonPropertyName("healthReport")] public string? HealthReport { get; init; }
    [JsonPropertyName("numContainers")] public int NumContainers { get; init; }
    [JsonPropertyName("usedMemoryMB")] public long UsedMemoryMB { get; init; }
    [JsonPropertyName("availMemoryMB")] public long AvailMemoryMB { get; init; }
    [JsonPropertyName("usedVirtualCores")] public long UsedVirtualCores { get; init; }
    [JsonPropertyName("availableVirtualCores")] public long AvailableVirtualCores { get; init; }

    [JsonPropertyName("nodeLabels")]
    [JsonConverter(typeof(FlexibleListConverter<string>))]
    public List<string>? NodeLabels { get; init; }

    [JsonPropertyName("usedResource")] public ResourceInfo? UsedResource { get; init; }
    [JsonPropertyName("availableResource")] public ResourceInfo? AvailableResource { get; init; }
    [JsonPropertyName("totalResource")] public ResourceInfo? TotalResource { get; init; }

    /// <summary>Null when the RM does not render node attributes (before Hadoop 3.2).</summary>
    [JsonPropertyName("nodeAttributesInfo")] public NodeAttributesInfo? NodeAttributesInfo { get; init; }
}

internal sealed class NodesEnvelope
{
    [JsonPropertyName("nodes")] public NodesList? Nodes { get; init; }
}

internal sealed class NodesList
{
    [JsonPropertyName("node")]
    [JsonConverter(typeof(FlexibleListConverter<NodeReport>))]
    public List<NodeReport>? Node { get; init; }
}
