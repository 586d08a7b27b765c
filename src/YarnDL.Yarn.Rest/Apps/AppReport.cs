using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Apps;

/// <summary><c>AppInfo</c> of <c>GET /ws/v1/cluster/apps[/{id}]</c> (the fields YarnDL reads).</summary>
public sealed class AppReport
{
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;
    [JsonPropertyName("user")] public string? User { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("queue")] public string? Queue { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("finalStatus")] public string? FinalStatus { get; init; }
    [JsonPropertyName("progress")] public double Progress { get; init; }
    [JsonPropertyName("trackingUI")] public string? TrackingUI { get; init; }
    [JsonPropertyName("trackingUrl")] public string? TrackingUrl { get; init; }
    [JsonPropertyName("diagnostics")] public string? Diagnostics { get; init; }
    [JsonPropertyName("applicationType")] public string? ApplicationType { get; init; }
    [JsonPropertyName("applicationTags")] public string? ApplicationTags { get; init; }
    [JsonPropertyName("priority")] public int? Priority { get; init; }
    [JsonPropertyName("startedTime")] public long StartedTime { get; init; }
    [JsonPropertyName("finishedTime")] public long FinishedTime { get; init; }
    [JsonPropertyName("elapsedTime")] public long ElapsedTime { get; init; }
    [JsonPropertyName("amContainerLogs")] public string? AmContainerLogs { get; init; }
    [JsonPropertyName("amHostHttpAddress")] public string? AmHostHttpAddress { get; init; }
    [JsonPropertyName("allocatedMB")] public long AllocatedMB { get; init; }
    [JsonPropertyName("allocatedVCores")] public long AllocatedVCores { get; init; }
    [JsonPropertyName("runningContainers")] public int RunningContainers { get; init; }

    /// <summary>FINISHED, FAILED or KILLED.</summary>
    [JsonIgnore]
    public bool IsTerminal => State is "FINISHED" or "FAILED" or "KILLED";

    /// <summary>Only FINISHED with final status SUCCEEDED is a success.</summary>
    [JsonIgnore]
    public bool Succeeded => State == "FINISHED" && FinalStatus == "SUCCEEDED";
}
