using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;

namespace YarnDL.AppMaster.Web;

/// <summary>Builds the <see cref="StatusDocument"/> from the live state.</summary>
internal static class StatusSnapshot
{
    public static StatusDocument Take(AmState state, DateTimeOffset now)
    {
        var verdict = state.Final;
        var best = state.Scheduler.Best();
        var jobState = verdict is null ? "RUNNING" : verdict.Succeeded ? "SUCCEEDED" : "FAILED";
        return new StatusDocument(
            state.Plan.Name,
            state.Attempt,
            jobState,
            verdict?.Diagnostics,
            state.Waiting,
            best?.Id,
            best?.Plan.HyperParameters,
            [.. state.Sessions.Select(s => Cluster(s, state.User, now))]);
    }

    private static ClusterStatus Cluster(ClusterSession s, string user, DateTimeOffset now) => new(
        s.Id,
        s.State.ToString().ToUpperInvariant(),
        s.Generation,
        s.Restarts,
        s.FailureReason,
        s.RestartReason,
        s.Plan.HyperParameters,
        s.FinalMetrics,
        [.. s.Slots.Select(t => Task(t, user, s.WhenRegistered().IsCompletedSuccessfully, now))],
        [.. s.History.Select(p => new CurvePoint(p.Step, p.Epoch, p.Values))])
    {
        Epochs = s.Plan.Trainer?.Epochs ?? 0,
        EtaSeconds = s.Remaining(now)?.TotalSeconds,
    };

    /// <summary>A registered task of a cluster whose barrier is complete has its cluster spec and trains: RUNNING.</summary>
    private static TaskStatus Task(TaskSlot t, string user, bool clusterComplete, DateTimeOffset now) => new(
        t.Role,
        t.Index,
        t.State == TaskState.Registered && clusterComplete ? "RUNNING" : t.State.ToString().ToUpperInvariant(),
        t.ContainerId,
        t.NodeId,
        t.Address,
        t.Step,
        t.Epoch,
        t.CheckpointStep,
        t.Metrics,
        t.ExitReason,
        t.NodeHttpAddress is { } http && t.ContainerId is { } c ? $"http://{http}/node/containerlogs/{c}/{user}" : null)
    {
        CheckpointEpoch = t.CheckpointEpoch,
        CheckpointAgeSeconds = t.CheckpointStep >= 0 && t.CheckpointAt is { } at ? Math.Max(0, (now - at).TotalSeconds) : null,
    };
}
