using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Resources;

/// <summary>The <c>{"resourceInformation":[…]}</c> wrapper.</summary>
public sealed class ResourceInformations
{
    [JsonPropertyName("resourceInformation")]
    [JsonConverter(typeof(FlexibleListConverter<ResourceInformation>))]
    public List<ResourceInformation> Items { get; init; } = [];
}
