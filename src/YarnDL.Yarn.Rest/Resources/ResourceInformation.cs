using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Resources;

/// <summary>One resource type amount (<c>memory-mb</c>, <c>vcores</c>, <c>yarn.io/gpu</c>, …).</summary>
public sealed class ResourceInformation
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("resourceType")] public string? ResourceType { get; init; }
    [JsonPropertyName("units")] public string? Units { get; init; }
    [JsonPropertyName("value")] public long Value { get; init; }
    [JsonPropertyName("minimumAllocation")] public long? MinimumAllocation { get; init; }
    [JsonPropertyName("maximumAllocation")] public long? MaximumAllocation { get; init; }
}
