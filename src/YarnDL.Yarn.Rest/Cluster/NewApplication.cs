using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Yarn.Rest.Cluster;

/// <summary><c>POST /ws/v1/cluster/apps/new-application</c> (bare object).</summary>
public sealed class NewApplication
{
    [JsonPropertyName("application-id")] public string ApplicationId { get; init; } = string.Empty;
    [JsonPropertyName("maximum-resource-capability")] public ResourceInfo? MaximumResourceCapability { get; init; }
}
