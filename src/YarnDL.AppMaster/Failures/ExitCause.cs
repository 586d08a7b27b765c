using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Rm;

namespace YarnDL.AppMaster.Failures;

/// <summary>
/// What the user is told a task's loss was caused by, from what the RM reported about its container: the exit status
/// (-102 PREEMPTED, -100 ABORTED, -101 DISKS_FAILED, -106 KILLED_BY_RESOURCEMANAGER…) and the RM's diagnostics, whose
/// wording for a container on a lost node is Hadoop's <c>Container released on a *lost* node</c>; above all, the node reports
/// of the allocate responses (updated_nodes), which say when a node was LOST, DECOMMISSIONED or UNHEALTHY.
/// </summary>
internal static class ExitCause
{
    /// <summary>The cause; <paramref name="node"/> is what the RM last reported about the task's node when it reported it unusable.</summary>
    public static string Of(TaskSlot slot, int exitStatus, string? diagnostics, NodeUpdate? node = null) => node is { IsUnusable: true } && exitStatus != ContainerExitStatus.Preempted
        ? $"{node.Cause}; it ran {slot.Name}"
        : exitStatus switch
    {
        ContainerExitStatus.Preempted => $"{slot.Name} preempted by the RM",
        ContainerExitStatus.Aborted when diagnostics?.Contains("lost", StringComparison.OrdinalIgnoreCase) == true
            => $"node {slot.NodeId ?? "?"} lost (it ran {slot.Name})",
        ContainerExitStatus.Aborted => $"{slot.Name} aborted by the RM (its container was released or its node lost)",
        ContainerExitStatus.DisksFailed => $"the disks of node {slot.NodeId ?? "?"} failed (it ran {slot.Name})",
        ContainerExitStatus.KilledByResourceManager => $"{slot.Name} killed by the RM",
        ContainerExitStatus.KilledByContainerScheduler => $"{slot.Name} killed by the NodeManager's container scheduler",
        _ => $"{slot.Name} {ExitClassifier.Describe(exitStatus)}",
    };
}
