namespace YarnDL.AppMaster.Web;

/// <summary>GET /api/v1/status: what the CLI's status/--wait read.</summary>
internal sealed record StatusDocument(
    string Job,
    int Attempt,
    string State,
    string? Diagnostics,
    string? Waiting,
    string? BestCluster,
    IReadOnlyDictionary<string, string>? BestHyperParameters,
    IReadOnlyList<ClusterStatus> Clusters);

internal sealed record ClusterStatus(
    string Id,
    string State,
    int Generation,
    int Restarts,
    string? FailureReason,
    string? RestartReason,
    IReadOnlyDictionary<string, string> HyperParameters,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<TaskStatus> Tasks,
    IReadOnlyList<CurvePoint> Curve)
{
    /// <summary>Epochs the trial's trainer runs (0 for a command job).</summary>
    public int Epochs { get; init; }

    /// <summary>Estimated seconds until <see cref="Epochs"/> are done; null while unknown and once finished.</summary>
    public double? EtaSeconds { get; init; }
}

internal sealed record TaskStatus(
    string Role,
    int Index,
    string State,
    string? ContainerId,
    string? Node,
    string? Address,
    long Step,
    int Epoch,
    long CheckpointStep,
    IReadOnlyDictionary<string, double> Metrics,
    string? ExitReason,
    string? LogUrl)
{
    /// <summary>0-based epoch of <see cref="CheckpointStep"/> (meaningful when that is 0 or more).</summary>
    public int CheckpointEpoch { get; init; }

    /// <summary>Seconds since the AM heard of <see cref="CheckpointStep"/>; null when the task reported none.</summary>
    public double? CheckpointAgeSeconds { get; init; }
}

internal sealed record CurvePoint(long Step, int Epoch, IReadOnlyDictionary<string, double> Values);
