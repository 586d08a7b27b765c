using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>One task (role:index) of a cluster in the AM's status document.</summary>
public sealed record AmTaskStatus
{
    private readonly IReadOnlyDictionary<string, double> _metrics = new Dictionary<string, double>();

    [JsonPropertyName("role")] public string Role { get; init; } = "";

    [JsonPropertyName("index")] public int Index { get; init; }

    [JsonPropertyName("state")] public string State { get; init; } = "";

    [JsonPropertyName("containerId")] public string? ContainerId { get; init; }

    [JsonPropertyName("node")] public string? Node { get; init; }

    [JsonPropertyName("address")] public string? Address { get; init; }

    [JsonPropertyName("step")] public long Step { get; init; }

    /// <summary>0-based epoch of the task's last heartbeat.</summary>
    [JsonPropertyName("epoch")] public int Epoch { get; init; }

    /// <summary>Step of the newest checkpoint the task reported; -1 when none.</summary>
    [JsonPropertyName("checkpointStep")] public long CheckpointStep { get; init; } = -1;

    /// <summary>0-based epoch of <see cref="CheckpointStep"/> (meaningful when that is 0 or more).</summary>
    [JsonPropertyName("checkpointEpoch")] public int CheckpointEpoch { get; init; }

    /// <summary>Seconds since the AM heard of <see cref="CheckpointStep"/>; null when the task reported none.</summary>
    [JsonPropertyName("checkpointAgeSeconds")] public double? CheckpointAgeSeconds { get; init; }

    [JsonPropertyName("metrics")]
    public IReadOnlyDictionary<string, double> Metrics { get => _metrics; init => _metrics = value ?? new Dictionary<string, double>(); }

    /// <summary>The result the task reported before exiting; null until it does. Set while its container still runs (the AM's
    /// <see cref="State"/> is then RUNNING): the task has finished, its container has not ended yet.</summary>
    [JsonPropertyName("result")] public AmTaskResult? Result { get; init; }

    /// <summary>How the task's container ended, or why the AM gave up on it (it did not register, sent no heartbeat); null
    /// while it runs.</summary>
    [JsonPropertyName("exitReason")] public string? ExitReason { get; init; }

    [JsonPropertyName("logUrl")] public string? LogUrl { get; init; }
}
