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
