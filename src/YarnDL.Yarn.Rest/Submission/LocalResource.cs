using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Submission;

/// <summary><c>LocalResourceInfo</c>: a file the NM localizes; size and timestamp must match the source FS exactly.</summary>
public sealed class LocalResource
{
    [JsonPropertyName("resource")] public string Resource { get; init; } = string.Empty;
    [JsonPropertyName("type")] public string Type { get; init; } = "FILE";
    [JsonPropertyName("visibility")] public string Visibility { get; init; } = "APPLICATION";
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("timestamp")] public long Timestamp { get; init; }
}
