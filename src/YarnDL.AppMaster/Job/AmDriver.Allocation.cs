using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.AppMaster.Job;

internal sealed partial class AmDriver
{
    /// <summary>The ask key of a role: one (priority, allocation_request_id) per role per cluster.</summary>
    public static AskKey KeyFor(ClusterSession cluster, int roleIndex) =>
        new(cluster.PriorityBase + roleIndex, cluster.PriorityBase + roleIndex);

    private void StartCluster(ClusterSession cluster)
    {
        log.LogInformation("Starting cluster {Cluster} ({Tasks} tasks)", cluster.Id, cluster.Plan.TaskCount);
        cluster.State = ClusterState.Allocating;
        cluster.StateSince = time.GetUtcNow();
        AskFor(cluster);
    }

    /// <summary>Asks for a container for every slot still in Requested state.</summary>
    private void AskFor(ClusterSession cluster)
    {
        for (var i = 0; i < cluster.Plan.Roles.Count; i++)
        {
            var role = cluster.Plan.Roles[i];
            var want = cluster.Slots.Count(s => s.Role == role.Name && s.State == TaskState.Requested);
            var key = KeyFor(cluster, i);
            var extra = want - rm.Outstanding(key);
            if (extra > 0)
            {
                rm.AddAsk(key, new Capability(role.MemoryMb, role.Vcores, role.Gpus), extra, state.Plan.NodeLabel);
            }
        }
    }

    private void CancelAsks(ClusterSession cluster)
    {
        for (var i = 0; i < cluster.Plan.Roles.Count; i++)
        {
            rm.CancelAsk(KeyFor(cluster, i));
        }
    }

    private (ClusterSession Cluster, TaskSlot Slot)? Match(AllocatedContainer c)
    {
        foreach (var s in state.Sessions.Where(s => s.State is ClusterState.Allocating or ClusterState.Running))
        {
            for (var i = 0; i < s.Plan.Roles.Count; i++)
            {
                if (KeyFor(s, i).AllocationRequestId != c.AllocationRequestId)
                {
                    continue;
                }

                var slot = s.Slots.FirstOrDefault(t => t.Role == s.Plan.Roles[i].Name && t.State == TaskState.Requested);
                return slot is null ? null : (s, slot);
            }
        }

        return null;
    }

    private async Task LaunchAsync(AllocatedContainer c, CancellationToken ct)
    {
        if (Match(c) is not var (cluster, slot))
        {
            log.LogInformation("No task wants container {Container}; releasing it", c.ContainerId);
            rm.Release(c.ContainerId);
            return;
        }

        slot.ContainerId = c.ContainerId;
        slot.NodeId = c.NodeId;
        slot.NodeHttpAddress = c.NodeHttpAddress;
        slot.State = TaskState.Launched;
        slot.LastHeartbeat = time.GetUtcNow();
        try
        {
            await nms.StartAsync(c, LaunchContextFactory.Build(cluster, slot, state.Plan, launch), ct);
            log.LogInformation("Launched {Cluster}/{Task} in {Container} on {Node}", cluster.Id, slot.Name, c.ContainerId, c.NodeId);
        }
        catch (ContainerLaunchException e)
        {
            log.LogWarning("Launch of {Cluster}/{Task} failed: {Reason}", cluster.Id, slot.Name, e.Message);
            slot.Reset();
            rm.Release(c.ContainerId);
            NodeFailed(c.NodeId);
            AskFor(cluster);
            return;
        }

        if (cluster.Slots.All(s => s.State != TaskState.Requested))
        {
            cluster.State = ClusterState.Running;
            cluster.StateSince = time.GetUtcNow();
        }
    }

    private void NodeFailed(string nodeId)
    {
        if (_nodes.RecordFailure(nodeId))
        {
            log.LogWarning("Blacklisting node {Node} after {Count} failures", nodeId, _nodes.Threshold);
            rm.Blacklist(nodeId.Split(':')[0]);
        }
    }
}
