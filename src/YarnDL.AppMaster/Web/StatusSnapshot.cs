using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.Tracking;

namespace YarnDL.AppMaster.Web;

/// <summary>Builds the <see cref="AmStatus"/> document (GET /api/v1/status, what the CLI's status/--wait read) from the live state.</summary>
internal static class StatusSnapshot
{
    public static AmStatus Take(AmState state, DateTimeOffset now)
    {
        var verdict = state.Final;
        var best = state.Scheduler.Best();
        return new AmStatus
        {
            Job = state.Plan.Name,
            Attempt = state.Attempt,
            State = verdict is null ? "RUNNING" : verdict.Succeeded ? "SUCCEEDED" : "FAILED",
            Diagnostics = verdict?.Diagnostics,
            Waiting = state.Waiting,
            BestCluster = best?.Id,
            BestHyperParameters = best?.Plan.HyperParameters,
            Clusters = [.. state.Sessions.Select(s => Cluster(s, state.User, now))],
        };
    }

    private static AmClusterStatus Cluster(ClusterSession s, string user, DateTimeOffset now) => new()
    {
        Id = s.Id,
        State = s.State.ToString().ToUpperInvariant(),
        Generation = s.Generation,
        Restarts = s.Restarts,
        FailureReason = s.FailureReason,
        RestartReason = s.RestartReason,
        HyperParameters = s.Plan.HyperParameters,
        Metrics = s.FinalMetrics,
        Tasks = [.. s.Slots.Select(t => Task(t, user, s.WhenRegistered().IsCompletedSuccessfully, now))],
        Curve = [.. s.History.Select(p => new AmCurvePoint { Step = p.Step, Epoch = p.Epoch, Values = p.Values })],
        Epochs = s.Plan.Trainer?.Epochs ?? 0,
        EtaSeconds = s.Remaining(now)?.TotalSeconds,
    };

    /// <summary>A registered task of a cluster whose barrier is complete has its cluster spec and trains: RUNNING.</summary>
    private static AmTaskStatus Task(TaskSlot t, string user, bool clusterComplete, DateTimeOffset now) => new()
    {
        Role = t.Role,
        Index = t.Index,
        State = t.State == TaskState.Registered && clusterComplete ? "RUNNING" : t.State.ToString().ToUpperInvariant(),
        ContainerId = t.ContainerId,
        Node = t.NodeId,
        Address = t.Address,
        Step = t.Step,
        Epoch = t.Epoch,
        CheckpointStep = t.CheckpointStep,
        CheckpointEpoch = t.CheckpointEpoch,
        CheckpointAgeSeconds = t.CheckpointStep >= 0 && t.CheckpointAt is { } at ? Math.Max(0, (now - at).TotalSeconds) : null,
        Metrics = t.Metrics,
        Result = t.Report is { } r ? new AmTaskResult { Succeeded = r.Succeeded, Message = r.Message } : null,
        ExitReason = t.ExitReason,
        LogUrl = t.NodeHttpAddress is { } http && t.ContainerId is { } c ? $"http://{http}/node/containerlogs/{c}/{user}" : null,
    };
}
