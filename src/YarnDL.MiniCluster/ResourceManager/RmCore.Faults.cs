using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    /// <summary>Kills one container as the RM would (-106).</summary>
    public void FaultKillContainer(string containerId)
    {
        var c = FindContainer(containerId);
        KillContainer(c, ExitStatus.KilledByResourceManager, "Container killed by the ResourceManager");
    }

    /// <summary>The AM process crashes: SIGKILL to its process group, outside the NM's control, so the container
    /// reports the process's own exit code (137) and the failed attempt counts towards max-app-attempts, as an AM
    /// killed on its node does in Hadoop. (Kill the AM container with <see cref="FaultKillContainer"/> for -106,
    /// which Hadoop does not count.)</summary>
    public void FaultKillAm(string appId)
    {
        ContainerRecord am;
        lock (_gate)
        {
            var app = GetAppLocked(appId);
            am = app.CurrentAttempt?.AmContainer is { State: "RUNNING", Process: not null } c
                ? c : throw RmRequestException.BadRequest($"application {appId} has no running AM container");
            _ = am.Process!.CrashAsync();
        }
    }

    /// <summary>The node is lost: every container on it completes with -100 and the node turns LOST.</summary>
    public void FaultLoseNode(string nodeId)
    {
        List<ContainerRecord> victims;
        lock (_gate)
        {
            var node = _nodes.FirstOrDefault(n => n.NodeId == nodeId) ?? throw RmRequestException.NotFound($"nodeId, {nodeId}, is not found");
            node.State = "LOST";
            victims = [.. node.Containers];
        }

        foreach (var c in victims) KillContainer(c, ExitStatus.Aborted, $"Container released on a *lost* node");
    }

    /// <summary>An NM stopping without supervised recovery (ContainerManagerImpl.cleanUpApplicationsOnNMShutDown): every
    /// application on it finishes there, so its containers are killed with -107; the node itself comes back RUNNING.</summary>
    public void FaultNmShutdownKillsContainers(string nodeId)
    {
        List<ContainerRecord> victims;
        lock (_gate)
        {
            var node = _nodes.FirstOrDefault(n => n.NodeId == nodeId) ?? throw RmRequestException.NotFound($"nodeId, {nodeId}, is not found");
            victims = [.. node.Containers.Where(c => c.State != "COMPLETE")];
        }

        foreach (var c in victims)
            KillContainer(c, ExitStatus.KilledAfterAppCompletion, "Container killed on application-finish event: Application killed on shutdown");
    }

    /// <summary>Preempts up to <paramref name="count"/> non-AM containers of an app: they are killed with -102 after the grace period.</summary>
    public IReadOnlyList<string> FaultPreempt(string appId, int count)
    {
        List<ContainerRecord> chosen;
        lock (_gate)
        {
            GetAppLocked(appId);
            chosen = _nodes.SelectMany(n => n.Containers)
                .Where(c => c.AppId == appId && !c.IsAm && c.State != "COMPLETE" && c.PendingKillStatus is null)
                .OrderByDescending(c => c.Id, StringComparer.Ordinal).Take(count).ToList();
            foreach (var c in chosen) PreemptionNotices.Add(c);
        }

        foreach (var c in chosen)
        {
            _ = Task.Delay(Options.PreemptionGracePeriod, Options.TimeProvider).ContinueWith(
                _ => KillContainer(c, ExitStatus.Preempted, "Container preempted by scheduler"), TaskScheduler.Default);
        }

        return chosen.Select(c => c.Id).ToList();
    }

    /// <summary>Containers announced for preemption and not yet sent to the AM in a PreemptionMessage.</summary>
    internal List<ContainerRecord> PreemptionNotices { get; } = [];

    private ContainerRecord FindContainer(string containerId)
    {
        lock (_gate)
        {
            return _nodes.SelectMany(n => n.Containers).FirstOrDefault(c => c.Id == containerId)
                ?? throw RmRequestException.NotFound($"container with id: {containerId} not found");
        }
    }

    /// <summary>Kills every live container (cluster shutdown) and waits for the processes to go.</summary>
    public async Task KillAllAsync()
    {
        List<Task> waits;
        lock (_gate)
        {
            _stopping = true;
            waits = _nodes.SelectMany(n => n.Containers).Where(c => c.Process is not null)
                .Select(c => c.Process!.KillAsync(Options.KillGracePeriod)).ToList();
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    /// <summary>Work-preserving restart, as Hadoop's recovery rebuilds the scheduler: containers the NMs run keep running and
    /// completions not yet told are still told (NMs report both on re-registering), the epoch moves on, and what lived only in
    /// the old RM's memory is gone: asks, node labels of asks, blacklists, NMToken memory, preemption notices sent, and
    /// containers allocated but not yet pulled by their AM (no NM ever heard of them; their AM re-asks). Every AM must
    /// re-register (the AM service forgets registrations) and resend all of that.</summary>
    internal const string RecoveredAttemptDiagnostics = "Attempt recovered after RM restart";

    public void RestartPreservingWork()
    {
        lock (_gate)
        {
            Epoch++;
            _configuredMaximumUntil = Options.TimeProvider.GetUtcNow() + Options.WorkPreservingRecoverySchedulingWait;

            // The NMs re-register with the new RM at their next heartbeat; each one it takes in is usable again, and every
            // application hears of it in updated_nodes (RMNodeImpl's add transition → NODE_USABLE → RMAppImpl).
            foreach (var node in _nodes.Where(n => n.State == "RUNNING")) node.Registrations++;
            ForgetAppConstraintsLocked();
            foreach (var asks in _asks.Values)
            {
                foreach (var c in asks.NewlyAllocated)
                {
                    c.State = "COMPLETE";
                    c.Node.Release(c);
                }

                asks.NewlyAllocated.Clear();
                asks.Table.Clear();
                asks.Labels.Clear();
                asks.Placements.Clear();
                asks.NodesWithNmToken.Clear();
                asks.NoticesSent.Clear();
            }

            foreach (var app in _apps.Values)
            {
                foreach (var attempt in app.Attempts)
                {
                    attempt.Blacklist.Clear();
                }

                if (app.CurrentAttempt is { Registered: true } current) current.Registered = false;
                // RMAppAttemptImpl.recover: a new attempt object whose diagnostics start with this text (the stored
                // diagnostics of a running attempt are empty), so it appears once however many restarts it lived through.
                if (app.CurrentAttempt is { Unregistered: false } running) running.DiagnosticsPrefix = RecoveredAttemptDiagnostics;
            }
        }
    }
}
