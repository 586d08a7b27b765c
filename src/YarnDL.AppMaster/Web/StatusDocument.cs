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
    IReadOnlyList<CurvePoint> Curve);

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
    string? LogUrl);

internal sealed record CurvePoint(long Step, int Epoch, IReadOnlyDictionary<string, double> Values);
