using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Apps;

/// <summary>One entry of <c>GET /apps/{id}/appattempts</c>.</summary>
public sealed class AppAttempt
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("appAttemptId")] public string? AppAttemptId { get; init; }
    [JsonPropertyName("startTime")] public long StartTime { get; init; }
    [JsonPropertyName("finishedTime")] public long FinishedTime { get; init; }
    [JsonPropertyName("containerId")] public string? ContainerId { get; init; }
    [JsonPropertyName("nodeHttpAddress")] public string? NodeHttpAddress { get; init; }
    [JsonPropertyName("nodeId")] public string? NodeId { get; init; }
    [JsonPropertyName("logsLink")] public string? LogsLink { get; init; }
}

internal sealed class AppAttemptsEnvelope
{
    [JsonPropertyName("appAttempts")] public AppAttemptsList? AppAttempts { get; init; }
}

internal sealed class AppAttemptsList
{
    [JsonPropertyName("appAttempt")]
    [JsonConverter(typeof(FlexibleListConverter<AppAttempt>))]
    public List<AppAttempt>? AppAttempt { get; init; }
}
