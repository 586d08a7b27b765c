using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Yarn.Rest.Submission;

/// <summary>Bare <c>ApplicationSubmissionContextInfo</c> of <c>POST /ws/v1/cluster/apps</c>.</summary>
public sealed class ApplicationSubmissionContext
{
    [JsonPropertyName("application-id")] public required string ApplicationId { get; init; }
    [JsonPropertyName("application-name")] public string ApplicationName { get; init; } = string.Empty;

    [JsonPropertyName("queue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Queue { get; init; }

    [JsonPropertyName("priority")] public int Priority { get; init; } = -1;
    [JsonPropertyName("am-container-spec")] public ContainerLaunchContext AmContainerSpec { get; init; } = new();
    [JsonPropertyName("unmanaged-AM")] public bool UnmanagedAM { get; init; }
    [JsonPropertyName("max-app-attempts")] public int MaxAppAttempts { get; init; } = 2;

    /// <summary>AM container size: only memory and vCores are honoured over REST (never GPUs).</summary>
    [JsonPropertyName("resource")] public ResourceInfo Resource { get; init; } = new();

    [JsonPropertyName("application-type")] public string ApplicationType { get; init; } = string.Empty;
    [JsonPropertyName("keep-containers-across-application-attempts")] public bool KeepContainersAcrossApplicationAttempts { get; init; }
    [JsonPropertyName("application-tags")] public Tags ApplicationTags { get; init; } = new();
    [JsonPropertyName("app-node-label-expression")] public string AppNodeLabelExpression { get; init; } = string.Empty;
    [JsonPropertyName("am-container-node-label-expression")] public string AmContainerNodeLabelExpression { get; init; } = string.Empty;
}

/// <summary><c>{"tag":[…]}</c>.</summary>
public sealed class Tags
{
    [JsonPropertyName("tag")] public List<string> Tag { get; init; } = [];
}
