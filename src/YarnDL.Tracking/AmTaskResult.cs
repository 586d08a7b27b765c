using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>What a task reported to the AM just before exiting: whether it succeeded and how it said it ended
/// (<c>exit code 0</c> for a <c>command:</c> task, <c>finished</c> for a trainer). Its container may still be running.</summary>
public sealed record AmTaskResult
{
    [JsonPropertyName("succeeded")] public bool Succeeded { get; init; }

    [JsonPropertyName("message")] public string? Message { get; init; }
}
