using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Apps;

internal sealed class AppEnvelope
{
    [JsonPropertyName("app")] public AppReport? App { get; init; }
}
