using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>A parsed ApplicationSubmissionContextInfo.</summary>
internal sealed record Submission(
    string ApplicationId,
    string Name,
    string Queue,
    int Priority,
    int MaxAttempts,
    Resource AmResource,
    string ApplicationType,
    IReadOnlyList<string> Tags,
    bool KeepContainers,
    bool UnmanagedAm,
    JsonObject AmContainerSpec,
    LaunchSpec Launch,
    string RawJson,
    string AppLabel = "",
    string? AmLabel = null);
