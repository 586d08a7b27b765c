using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Apps;

/// <summary><c>{"apps":{"app":[…]}}</c>; <c>{"apps":null}</c> and <c>{"apps":{}}</c> mean empty.</summary>
internal sealed class AppsEnvelope
{
    [JsonPropertyName("apps")] public AppsList? Apps { get; init; }
}

/// <summary>The inner list of <see cref="AppsEnvelope"/>.</summary>
internal sealed class AppsList
{
    [JsonPropertyName("app")]
    [JsonConverter(typeof(FlexibleListConverter<AppReport>))]
    public List<AppReport>? App { get; init; }
}
