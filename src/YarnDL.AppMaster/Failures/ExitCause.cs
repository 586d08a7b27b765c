using YarnDL.AppMaster.Clusters;

namespace YarnDL.AppMaster.Failures;

/// <summary>
/// What the user is told a task's loss was caused by, from what the RM reported about its container: the exit status
/// (-102 PREEMPTED, -100 ABORTED, -101 DISKS_FAILED, -106 KILLED_BY_RESOURCEMANAGER…) and the RM's diagnostics, whose
/// wording for a container on a lost node is Hadoop's <c>Container released on a *lost* node</c>.
/// </summary>
internal static class ExitCause
{
    public static string Of(TaskSlot slot, int exitStatus, string? diagnostics) => exitStatus switch
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
