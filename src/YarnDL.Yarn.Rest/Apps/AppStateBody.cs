using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Apps;

/// <summary>Bare <c>{"state":"KILLED","diagnostics":"…"}</c> of <c>/apps/{id}/state</c>.</summary>
public sealed class AppStateBody
{
    [JsonPropertyName("state")] public string? State { get; init; }

    [JsonPropertyName("diagnostics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Diagnostics { get; init; }
}
