using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Rm;

namespace YarnDL.AppMaster.Job;

internal sealed partial class AmDriver
{
    /// <summary>AM restart: keeps the previous attempt's containers that the RM still reports, restarts clusters that lost
    /// one (not counted), and releases containers nobody knows. Tasks reconnect to the new AM on their own.</summary>
    public async Task AdoptAsync(IReadOnlyList<AllocatedContainer> fromPrevious, CancellationToken ct)
    {
        var alive = fromPrevious.Select(c => c.ContainerId).ToHashSet(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in state.Sessions.Where(s => !s.IsFinished))
        {
            var live = cluster.Slots.Where(s => s.State is TaskState.Launched or TaskState.Registered).ToList();
            known.UnionWith(live.Select(s => s.ContainerId!));
            if (cluster.State == ClusterState.Queued)
            {
                continue;
            }

            if (live.Count == cluster.Slots.Count && live.All(s => alive.Contains(s.ContainerId!)))
            {
                log.LogInformation("Re-adopted cluster {Cluster} generation {Generation} ({Count} containers)", cluster.Id, cluster.Generation, live.Count);
                cluster.StateSince = time.GetUtcNow();
                foreach (var s in live)
                {
                    s.LastHeartbeat = time.GetUtcNow();
                }

                continue;
            }

            var lost = live.Where(s => !alive.Contains(s.ContainerId!)).ToList();
            foreach (var s in lost)
            {
                s.State = TaskState.Stopped;
            }

            var which = lost.Count > 0 ? string.Join(", ", lost.Select(s => s.Name)) : "tasks that were not launched yet";
            await RestartAsync(cluster, countsAgainstBudget: false, $"AM attempt {state.Attempt} took over and the RM no longer reports {which}", ct);
        }

        foreach (var c in fromPrevious.Where(c => !known.Contains(c.ContainerId)))
        {
            rm.Release(c.ContainerId);
        }
    }
}
