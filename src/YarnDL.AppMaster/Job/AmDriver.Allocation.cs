using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;
using YarnDL.Spec.Plan;

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
                rm.AddAsk(key, new Capability(role.MemoryMb, role.Vcores, role.Gpus), extra, state.Plan.NodeLabel, PlacementOf(cluster, role));
            }
        }
    }

    /// <summary>The allocation tag shared by a role's containers of one cluster (what the anti-affinity constraint names).</summary>
    public static string AllocationTag(ClusterSession cluster, RolePlan role) => $"yarndl.{cluster.Id}.{role.Name}";

    /// <summary>Anti-affinity or node attributes make the role's ask a SchedulingRequest; null keeps it a ResourceRequest.</summary>
    public static ConstrainedPlacement? PlacementOf(ClusterSession cluster, RolePlan role) =>
        role.AntiAffinity || role.NodeAttributes.Count > 0
            ? new ConstrainedPlacement(AllocationTag(cluster, role), role.AntiAffinity, [.. role.NodeAttributes])
            : null;

    private void CancelAsks(ClusterSession cluster)
    {
        for (var i = 0; i < cluster.Plan.Roles.Count; i++)
        {
            rm.CancelAsk(KeyFor(cluster, i));
        }
    }

    private (ClusterSession Cluster, TaskSlot Slot)? Match(AllocatedContainer c)
    {
        // The clusters and roles that ask under this id, in plan order (one, unless a plan has more roles than the stride).
        foreach (var (s, i) in state.AskersOf(c.AllocationRequestId))
        {
            if (s.State is not (ClusterState.Allocating or ClusterState.Running))
            {
                continue;
            }

            var slot = s.Slots.FirstOrDefault(t => t.Role == s.Plan.Roles[i].Name && t.State == TaskState.Requested);
            return slot is null ? null : (s, slot);
        }

        return null;
    }

    /// <summary>
    /// Claims a task for every new container (in order, on the loop), then has the NMs start them with up to
    /// <see cref="DriverDefaults.MaxConcurrentLaunches"/> startContainers calls in flight, as NMClientAsync does.
    /// </summary>
    private async Task LaunchAllAsync(IReadOnlyList<AllocatedContainer> allocated, CancellationToken ct)
    {
        var claimed = new List<Launch>(allocated.Count);
        foreach (var c in allocated)
        {
            if (Claim(c) is { } launch)
            {
                claimed.Add(launch);
            }
        }

        for (var i = 0; i < claimed.Count; i += DriverDefaults.MaxConcurrentLaunches)
        {
            var batch = claimed.GetRange(i, Math.Min(DriverDefaults.MaxConcurrentLaunches, claimed.Count - i));
            var failures = await Task.WhenAll(batch.Select(l => StartAsync(l, ct)));
            for (var j = 0; j < batch.Count; j++)
            {
                Launched(batch[j], failures[j]);
            }
        }

        // Only once every start of this heartbeat is settled: a refusal puts its task back to Requested.
        foreach (var cluster in claimed.Select(l => l.Cluster).Distinct())
        {
            if (cluster.Slots.All(s => s.State != TaskState.Requested))
            {
                cluster.State = ClusterState.Running;
                cluster.StateSince = time.GetUtcNow();
                cluster.AllocationTimeouts = 0;
            }
        }
    }

    private sealed record Launch(AllocatedContainer Container, ClusterSession Cluster, TaskSlot Slot, LaunchSpec Spec);

    private Launch? Claim(AllocatedContainer c)
    {
        if (Match(c) is not var (cluster, slot))
        {
            log.LogInformation("No task wants container {Container}; releasing it", c.ContainerId);
            rm.Release(c.ContainerId);
            return null;
        }

        slot.ContainerId = c.ContainerId;
        slot.NodeId = c.NodeId;
        slot.NodeHttpAddress = c.NodeHttpAddress;
        slot.State = TaskState.Launched;
        slot.LastHeartbeat = time.GetUtcNow();
        return new Launch(c, cluster, slot, LaunchContextFactory.Build(cluster, slot, state.Plan, launch));
    }

    /// <summary>One startContainers; a refusal comes back as the value (a synchronous throw included), anything else faults.</summary>
    private async Task<ContainerStartException?> StartAsync(Launch l, CancellationToken ct)
    {
        try
        {
            await nms.StartAsync(l.Container, l.Spec, ct);
            return null;
        }
        catch (ContainerStartException e)
        {
            return e;
        }
    }

    private void Launched(Launch l, ContainerStartException? failure)
    {
        var (c, cluster, slot) = (l.Container, l.Cluster, l.Slot);
        if (failure is not null)
        {
            log.LogWarning("Launch of {Cluster}/{Task} failed: {Reason}", cluster.Id, slot.Name, failure.Message);
            slot.Reset();
            rm.Release(c.ContainerId);
            NodeFailed(c.NodeId);
            AskFor(cluster);
            return;
        }

        log.LogInformation("Launched {Cluster}/{Task} in {Container} on {Node}", cluster.Id, slot.Name, c.ContainerId, c.NodeId);
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
