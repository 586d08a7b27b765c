using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Resources;

/// <summary>Hadoop <c>ResourceInfo</c>: memory (MB), vCores and every resource type.</summary>
public sealed class ResourceInfo
{
    /// <summary>Name of the GPU resource type.</summary>
    public const string Gpu = "yarn.io/gpu";

    [JsonPropertyName("memory")] public long Memory { get; init; }
    [JsonPropertyName("vCores")] public long VCores { get; init; }

    [JsonPropertyName("resourceInformations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResourceInformations? ResourceInformations { get; init; }

    /// <summary>Value of a resource type, or null when the type is absent (unknown to the cluster).</summary>
    public long? ValueOf(string name) =>
        ResourceInformations?.Items.FirstOrDefault(r => r.Name == name)?.Value;

    /// <summary>GPUs (<c>yarn.io/gpu</c>), null when the cluster has no such type.</summary>
    [JsonIgnore]
    public long? Gpus => ValueOf(Gpu);
}
