using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Submission;

/// <summary><c>am-container-spec</c>.</summary>
public sealed class ContainerLaunchContext
{
    [JsonPropertyName("local-resources")] public EntryMap<LocalResource> LocalResources { get; init; } = new();
    [JsonPropertyName("environment")] public EntryMap<string> Environment { get; init; } = new();
    [JsonPropertyName("commands")] public Commands Commands { get; init; } = new();
}

/// <summary><c>{"command":"…"}</c>: one shell line (the NM joins list items anyway).</summary>
public sealed class Commands
{
    [JsonPropertyName("command")] public string Command { get; init; } = string.Empty;
}
