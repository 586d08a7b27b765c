using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Failures;
using YarnDL.AppMaster.Rm;
using YarnDL.Spec.Model;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Job;

internal sealed partial class AmDriver
{
    private async Task OnCompletedAsync(CompletedContainer done, CancellationToken ct)
    {
        var found = state.Sessions.Select(s => (Cluster: s, Slot: s.FindByContainer(done.ContainerId))).FirstOrDefault(p => p.Slot is not null);
        if (found.Slot is not { } slot)
        {
            return; // a container of an older generation, or one we stopped on purpose
        }

        var cluster = found.Cluster;
        var kind = ExitClassifier.Classify(done.ExitStatus);
        var reason = $"{slot.Name} on {slot.NodeId} ({done.ContainerId}) {ExitClassifier.Describe(done.ExitStatus)}";
        if (!string.IsNullOrWhiteSpace(done.Diagnostics))
        {
            // NMs write several lines (container id, exit code, stack trace); the first says what happened and the
            // reason must stay one line: it ends up in the RM diagnostics the CLI prints.
            reason += $": {done.Diagnostics.Trim().Split('\n')[0].Trim()}";
        }

        slot.ExitReason = reason;
        if (cluster.IsFinished)
        {
            slot.State = kind == ExitKind.Success ? TaskState.Succeeded : TaskState.Stopped;
            return;
        }

        switch (kind)
        {
            case ExitKind.Success when RoleOf(cluster, slot).Restart == RestartPolicy.Always && cluster.Restarts < RestartBudget(cluster, slot):
                // restart: always — a task that ends is started again while the budget lasts, even after exit 0.
                slot.State = TaskState.Succeeded;
                log.LogInformation("Cluster {Cluster}: {Reason}; the role's restart policy is 'always': restart {N} of {Max}", cluster.Id, reason, cluster.Restarts + 1, RestartBudget(cluster, slot));
                if (IsIndependent(slot))
                {
                    cluster.CountRestart();
                    Relaunch(cluster, slot);
                    break;
                }

                await RestartAsync(cluster, countsAgainstBudget: true, $"{reason}; the role's restart policy is 'always'", ct);
                break;
            case ExitKind.Success:
                slot.State = TaskState.Succeeded;
                await CheckClusterDoneAsync(cluster, ct);
                break;
            case ExitKind.Infrastructure:
                log.LogWarning("Cluster {Cluster}: {Reason} (not counted against the restart budget)", cluster.Id, reason);
                if (done.ExitStatus == ContainerExitStatus.DisksFailed && slot.NodeId is { } n)
                {
                    NodeFailed(n);
                }

                slot.State = TaskState.Stopped;
                if (IsIndependent(slot))
                {
                    Relaunch(cluster, slot);
                    break;
                }

                await RestartAsync(cluster, countsAgainstBudget: false, ExitCause.Of(slot, done.ExitStatus, done.Diagnostics, UnusableNode(slot)), ct);
                break;
            case ExitKind.JobFailure:
                // Another node or another try would fail the same way: fail now, and leave the node alone.
                slot.State = TaskState.Failed;
                var tail = StderrTail.From(done.Diagnostics);
                log.LogError("Cluster {Cluster} failed: {Reason}", cluster.Id, reason);
                cluster.FailureReason = $"{slot.Name} on {slot.NodeId} ({done.ContainerId}) {ExitClassifier.Describe(done.ExitStatus)}"
                    + (tail is null ? "" : $"; {tail}") + $"; {WhatToDo(slot)}";
                await EndClusterAsync(cluster, ClusterState.Failed, ct);
                break;
            case ExitKind.CodeFailure when IsPreempting(cluster):
                // A member is being preempted: a peer that lost its link to it fails too, but that is the scheduler's doing.
                log.LogWarning("Cluster {Cluster}: {Reason} while a member is being preempted (not counted)", cluster.Id, reason);
                slot.State = TaskState.Stopped;
                await RestartAsync(cluster, countsAgainstBudget: false, $"a member of the cluster is being preempted by the RM ({slot.Name} lost its link to it)", ct);
                break;
            default:
                slot.State = TaskState.Failed;
                if (slot.NodeId is { } node)
                {
                    NodeFailed(node);
                }

                if (IsIndependent(slot) && cluster.Restarts < RestartBudget(cluster, slot))
                {
                    log.LogWarning("Cluster {Cluster}: {Reason}; relaunching only this task", cluster.Id, reason);
                    cluster.CountRestart();
                    Relaunch(cluster, slot);
                    break;
                }

                await CodeFailureAsync(cluster, reason, slot, ct);
                break;
        }
    }

    private bool IsPreempting(ClusterSession cluster) => _preempting.Values.Any(p => ReferenceEquals(p.Cluster, cluster));

    /// <summary>A task's own failure: restart within the budget, else the cluster fails with the reason and what to do.</summary>
    private async Task CodeFailureAsync(ClusterSession cluster, string reason, TaskSlot slot, CancellationToken ct)
    {
        var budget = RestartBudget(cluster, slot);
        if (cluster.Restarts < budget)
        {
            log.LogWarning("Cluster {Cluster}: {Reason}; restart {N} of {Max}", cluster.Id, reason, cluster.Restarts + 1, budget);
            await RestartAsync(cluster, countsAgainstBudget: true, $"{reason} (restart {cluster.Restarts + 1} of {budget})", ct);
            return;
        }

        log.LogError("Cluster {Cluster} failed: {Reason} (restarts used: {N})", cluster.Id, reason, cluster.Restarts);
        cluster.FailureReason = $"{reason} (after {cluster.Restarts} restarts); {WhatToDo(slot)}";
        await EndClusterAsync(cluster, ClusterState.Failed, ct);
    }

    /// <summary>Where the failed task's output is and what the user should do about a code failure.</summary>
    private string WhatToDo(TaskSlot slot)
    {
        var files = $"{slot.Role}-{slot.Index}.stderr and .stdout";
        var where = slot.NodeHttpAddress is { } http && slot.ContainerId is { } c
            ? $"read {files} at http://{http}/node/containerlogs/{c}/{state.User} (after the end: yarndl logs {state.ApplicationId} --task {slot.Role}:{slot.Index})"
            : $"read {files} in the container's log directory";
        // The URL is followed by a space, never by punctuation a terminal would take into the link.
        return $"the task program failed, not the cluster: {where}; fix the program or its settings, then resubmit";
    }

    /// <summary>Restarts the failed (or, with <c>always</c>, ended) task's role allows its cluster: none with <c>never</c>.</summary>
    private static int RestartBudget(ClusterSession cluster, TaskSlot slot) =>
        RoleOf(cluster, slot) is { Restart: not RestartPolicy.Never } role ? role.MaxRestarts : 0;

    private static Spec.Plan.RolePlan RoleOf(ClusterSession cluster, TaskSlot slot) => cluster.Plan.Roles.First(r => r.Name == slot.Role);

    /// <summary>An evaluator does not take part in synchronous training: it is relaunched alone, the cluster keeps its generation.</summary>
    private static bool IsIndependent(TaskSlot slot) => slot.Role == "evaluator";

    private void Relaunch(ClusterSession cluster, TaskSlot slot)
    {
        slot.Reset();
        AskFor(cluster);
    }

    /// <summary>The cluster succeeds when every ranked task (or every task when none is ranked) exited 0.</summary>
    private async Task CheckClusterDoneAsync(ClusterSession cluster, CancellationToken ct)
    {
        var ranked = cluster.Slots.Where(s => TfConfig.RankedRoles.Contains(s.Role)).ToList();
        var mustFinish = ranked.Count > 0 ? ranked : [.. cluster.Slots];
        if (mustFinish.All(s => s.State == TaskState.Succeeded))
        {
            log.LogInformation("Cluster {Cluster} succeeded", cluster.Id);
            await EndClusterAsync(cluster, ClusterState.Succeeded, ct);
        }
    }

    private async Task EndClusterAsync(ClusterSession cluster, ClusterState final, CancellationToken ct)
    {
        CancelAsks(cluster);
        cluster.Finish(final);
        await StopLiveAsync(cluster, null, ct);
    }

    /// <summary>New generation: stop every live container, ask again for all tasks; tasks resume from the checkpoint when there
    /// is one. <paramref name="cause"/> and where the cluster resumes are kept for the status document and logged.</summary>
    private async Task RestartAsync(ClusterSession cluster, bool countsAgainstBudget, string cause, CancellationToken ct)
    {
        cluster.RestartReason = $"{cause}; {ResumePoint(cluster)}";
        log.LogWarning("Cluster {Cluster} restarts: {Why}", cluster.Id, cluster.RestartReason);
        await StopLiveAsync(cluster, null, ct);
        CancelAsks(cluster);
        cluster.Restart(countsAgainstBudget);
        cluster.StateSince = time.GetUtcNow();
        AskFor(cluster);
    }

    /// <summary>Where a restarted cluster resumes: its last checkpoint only when a task reported one.</summary>
    private string ResumePoint(ClusterSession cluster)
    {
        if (state.Plan.Checkpoint?.Dir is not { } dir)
        {
            return "restarting from epoch 0 (no checkpoint configured)";
        }

        var step = cluster.Slots.Count == 0 ? -1 : cluster.Slots.Max(s => s.CheckpointStep);
        return step > 0 ? $"restarting from the last checkpoint (step {step})"
            : state.Attempt > 1 ? $"restarting from the last checkpoint in {dir} if an earlier AM attempt's tasks wrote one, else from epoch 0"
            : "restarting from epoch 0 (no checkpoint written yet)";
    }

    /// <summary>Stops and releases the live containers of a cluster (all, or those matching <paramref name="which"/>).</summary>
    private async Task StopLiveAsync(ClusterSession cluster, Func<TaskSlot, bool>? which, CancellationToken ct)
    {
        foreach (var s in cluster.Slots.Where(s => s.State is TaskState.Launched or TaskState.Registered && (which?.Invoke(s) ?? true)).ToList())
        {
            var (container, node) = (s.ContainerId!, s.NodeId!);
            s.State = TaskState.Stopped;
            try
            {
                await nms.StopAsync(container, node, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Stopping {Container} on {Node} failed: {Message}", container, node, e.Message);
            }

            rm.Release(container);
        }
    }
}
