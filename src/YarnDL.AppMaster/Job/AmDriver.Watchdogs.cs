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
                log.LogWarning("Releasing preempted container {Container}; cluster {Cluster} resumes from its checkpoint", id, cluster.Id);
                await RestartAsync(cluster, countsAgainstBudget: false, ct);
            }
        }

        var deadlines = state.Plan.Deadlines;
        foreach (var cluster in state.Sessions.Where(s => !s.IsFinished).ToList())
        {
            if (cluster.State == ClusterState.Allocating && deadlines.Allocation is { } alloc && now - cluster.StateSince > alloc)
            {
                log.LogWarning("Cluster {Cluster} did not get all containers within {Limit}; releasing the partial cluster and retrying", cluster.Id, alloc);
                await RestartAsync(cluster, countsAgainstBudget: false, ct);
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
