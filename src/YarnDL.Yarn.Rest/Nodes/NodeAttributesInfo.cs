using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Nodes;

/// <summary><c>nodeAttributesInfo</c> of a node (Hadoop 3.2+; <c>{}</c> when the node has none, absent on older RMs).</summary>
public sealed class NodeAttributesInfo
{
    [JsonPropertyName("nodeAttributeInfo")]
    [JsonConverter(typeof(FlexibleListConverter<NodeAttributeInfo>))]
    public List<NodeAttributeInfo>? NodeAttributeInfo { get; init; }
}

/// <summary>One node attribute: <c>prefix</c> (rm.yarn.io / nm.yarn.io), <c>name</c>, <c>type</c> (STRING), <c>value</c>.</summary>
public sealed class NodeAttributeInfo
{
    [JsonPropertyName("prefix")] public string Prefix { get; init; } = string.Empty;
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("value")] public string Value { get; init; } = string.Empty;
}
