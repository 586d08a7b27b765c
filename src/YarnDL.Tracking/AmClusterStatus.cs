using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>One trial's cluster (a sweep trial, or the only cluster) in the AM's status document.</summary>
public sealed record AmClusterStatus
{
    private readonly IReadOnlyDictionary<string, string> _hyperParameters = new Dictionary<string, string>();
    private readonly IReadOnlyDictionary<string, double> _metrics = new Dictionary<string, double>();
    private readonly IReadOnlyList<AmTaskStatus> _tasks = [];
    private readonly IReadOnlyList<AmCurvePoint> _curve = [];

    [JsonPropertyName("id")] public string Id { get; init; } = "";

    [JsonPropertyName("state")] public string State { get; init; } = "";

    [JsonPropertyName("generation")] public int Generation { get; init; }

    [JsonPropertyName("restarts")] public int Restarts { get; init; }

    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }

    /// <summary>Why the cluster last restarted (preempted, node lost, AM attempt N took over…) and where it resumed.</summary>
    [JsonPropertyName("restartReason")] public string? RestartReason { get; init; }

    [JsonPropertyName("hyperParameters")]
    public IReadOnlyDictionary<string, string> HyperParameters { get => _hyperParameters; init => _hyperParameters = value ?? new Dictionary<string, string>(); }

    /// <summary>The trial's final metrics (empty while it runs).</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyDictionary<string, double> Metrics { get => _metrics; init => _metrics = value ?? new Dictionary<string, double>(); }

    [JsonPropertyName("tasks")]
    public IReadOnlyList<AmTaskStatus> Tasks { get => _tasks; init => _tasks = value ?? []; }

    /// <summary>The lead task's metrics per reported step, for the curves.</summary>
    [JsonPropertyName("curve")]
    public IReadOnlyList<AmCurvePoint> Curve { get => _curve; init => _curve = value ?? []; }

    /// <summary>Epochs the trial's trainer runs (0 for a command job).</summary>
    [JsonPropertyName("epochs")] public int Epochs { get; init; }

    /// <summary>Estimated seconds until <see cref="Epochs"/> are done; null while unknown and once finished.</summary>
    [JsonPropertyName("etaSeconds")] public double? EtaSeconds { get; init; }
}
