using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Nodes;

/// <summary>One node attribute: <c>prefix</c> (rm.yarn.io / nm.yarn.io), <c>name</c>, <c>type</c> (STRING), <c>value</c>.</summary>
public sealed class NodeAttributeInfo
{
    [JsonPropertyName("prefix")] public string Prefix { get; init; } = string.Empty;
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("value")] public string Value { get; init; } = string.Empty;
}
