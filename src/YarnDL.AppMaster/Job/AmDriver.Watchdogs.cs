using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Job;

internal sealed partial class AmDriver
{
    /// <summary>Preemption: affected clusters checkpoint now; their containers are released after the grace period.</summary>
    private void OnPreempted(IReadOnlyList<string> containers)
    {
        foreach (var id in containers.Where(id => !_preempting.ContainsKey(id)))
        {
            var cluster = state.Sessions.FirstOrDefault(s => !s.IsFinished && s.FindByContainer(id) is not null);
            if (cluster is null)
            {
                continue;
            }

            log.LogWarning("Container {Container} of cluster {Cluster} will be preempted; asking the cluster to checkpoint", id, cluster.Id);
            cluster.Command(TaskCommand.Checkpoint);
            _preempting[id] = (cluster, time.GetUtcNow() + options.PreemptionGrace);
        }
    }

    private async Task WatchdogsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (id, (cluster, deadline)) in _preempting.ToList())
        {
            var slot = cluster.FindByContainer(id);
            if (slot is null)
            {
                _preempting.Remove(id);
                continue;
            }

            if (now >= deadline)
            {
                _preempting.Remove(id);
                log.LogWarning("Releasing preempted container {Container} of cluster {Cluster}", id, cluster.Id);
                await RestartAsync(cluster, countsAgainstBudget: false, $"{slot.Name} preempted by the RM", ct);
            }
        }

        var deadlines = state.Plan.Deadlines;
        foreach (var cluster in state.Sessions.Where(s => !s.IsFinished).ToList())
        {
            if (cluster.State == ClusterState.Allocating && deadlines.Allocation is { } alloc && now - cluster.StateSince > alloc)
            {
                // Once, the partial cluster is released so that clusters holding each other's containers can get theirs; a
                // second deadline in a row means the containers cannot be placed: the cluster fails with what it waited for.
                var missing = cluster.Slots.Count(s => s.State == TaskState.Requested);
                if (++cluster.AllocationTimeouts >= 2)
                {
                    cluster.FailureReason = $"{missing} of {cluster.Slots.Count} containers not allocated within deadlines.allocation ({alloc}), twice in a row"
                        + (state.Waiting is { } w ? $" ({w})" : string.Empty)
                        + ": the running nodes cannot hold them; ask for smaller containers or fewer tasks, or raise deadlines.allocation";
                    log.LogError("Cluster {Cluster} failed: {Reason}", cluster.Id, cluster.FailureReason);
                    await EndClusterAsync(cluster, ClusterState.Failed, ct);
                    continue;
                }

                await RestartAsync(cluster, countsAgainstBudget: false, $"{missing} of {cluster.Slots.Count} containers not allocated within deadlines.allocation ({alloc}); the partial cluster is released and asked for again", ct);
                continue;
            }

            if (cluster.State == ClusterState.Running && deadlines.Registration is { } reg && now - cluster.StateSince > reg
                && cluster.Slots.FirstOrDefault(s => s.State == TaskState.Launched) is { } late)
            {
                late.ExitReason = $"{late.Name} on {late.NodeId} ({late.ContainerId}) did not register within {reg}";
                await CodeFailureAsync(cluster, late.ExitReason, late, ct);
                continue;
            }

            if (cluster.Hung(now, deadlines.HeartbeatTimeout) is [var hung, ..])
            {
                hung.ExitReason = $"{hung.Name} on {hung.NodeId} ({hung.ContainerId}) sent no heartbeat for {deadlines.HeartbeatTimeout}";
                await CodeFailureAsync(cluster, hung.ExitReason, hung, ct);
            }
        }

        foreach (var trial in state.Scheduler.ToStopEarly())
        {
            log.LogInformation("Stopping trial {Cluster} early (median rule)", trial.Id);
            trial.Command(TaskCommand.Stop);
            trial.Finish(ClusterState.EarlyStopped);
            CancelAsks(trial);
        }
    }
}
