using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Trials;

namespace YarnDL.AppMaster.Job;

/// <summary>The RM's node reports (updated_nodes): causes of task losses and the cluster's maximum container.</summary>
internal sealed partial class AmDriver
{
    private readonly Dictionary<string, NodeUpdate> _unusableNodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedNodes = new(StringComparer.Ordinal);
    private bool _maximumChecked;

    /// <summary>
    /// Records the nodes the RM reported changed: an unusable node (LOST, UNHEALTHY, DECOMMISSIONED, SHUTDOWN) becomes the cause
    /// of the losses of the tasks it ran; a running one clears that. A running node the AM has not heard of before and runs no
    /// task on joined the cluster (the RM reports a new node to every running application): it is only more room. Once the cluster's maximum container becomes known (it
    /// is not right after an RM restart, before the NodeManagers re-register), the job's asks are checked against it once.
    /// </summary>
    private JobVerdict? OnNodesUpdated(IReadOnlyList<NodeUpdate> nodes)
    {
        foreach (var node in nodes)
        {
            var known = !_reportedNodes.Add(node.NodeId) || state.Sessions.Any(s => s.Slots.Any(t => t.NodeId == node.NodeId));
            if (node.IsUnusable)
            {
                _unusableNodes[node.NodeId] = node;
                log.LogWarning("The RM reports {Cause}", node.Cause);
            }
            else if (_unusableNodes.Remove(node.NodeId))
            {
                log.LogInformation("The RM reports node {Node} {State} again", node.NodeId, node.State);
            }
            else if (!known)
            {
                var c = node.Capability;
                log.LogInformation("The RM reports node {Node} joined ({MemoryMb} MB, {Vcores} vcores, {Gpus} GPUs)", node.NodeId, c.MemoryMb, c.Vcores, c.Gpus);
            }
        }

        var max = rm.Maximum.Current;
        if (_maximumChecked || max.MemoryMb is null || max.Vcores is null || max.Gpus is null)
        {
            return null;
        }

        _maximumChecked = true;
        log.LogInformation("The cluster's maximum container is {Max}", rm.Maximum);
        return CapacityCheck.Check(state.Plan, max);
    }

    /// <summary>What the RM last reported about the node of <paramref name="slot"/> when it reported it unusable; else null.</summary>
    private NodeUpdate? UnusableNode(TaskSlot slot) =>
        slot.NodeId is { } node && _unusableNodes.TryGetValue(node, out var report) ? report : null;
}
