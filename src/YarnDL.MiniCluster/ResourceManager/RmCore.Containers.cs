using Microsoft.Extensions.Logging;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    // Set once the cluster shuts down: nothing new is launched, late launches are killed at once.
    private bool _stopping;

    /// <summary>Places pending AM containers: queues by dominant share over capacity, then FIFO within a queue.</summary>
    public void Schedule()
    {
        var launches = new List<(ContainerRecord, LaunchSpec, AppRecord)>();
        lock (_gate)
        {
            if (_stopping) return;
            var total = _nodes.Where(n => n.State == "RUNNING").Aggregate(Resource.Zero, (a, n) => a + n.Total);
            var pending = _apps.Values
                .Where(a => a.State == AppStates.Accepted && !a.UnmanagedAm && a.CurrentAttempt is { AmContainer: null })
                .OrderBy(a => QueueShareLocked(a.Queue, total)).ThenBy(a => a.SubmitTime).ToList();
            foreach (var app in pending)
            {
                var attempt = app.CurrentAttempt!;
                var node = _nodes.Where(n => n.State == "RUNNING" && n.Label == app.AmLabel && app.AmResource.FitsIn(n.Available))
                    .OrderBy(n => n.Used.DominantShare(n.Total)).FirstOrDefault();
                if (node is null) continue;
                var c = AllocateLocked(app, attempt, node, app.AmResource, sequence: 1, priority: 0, allocationRequestId: 0, isAm: true);
                c.State = "LAUNCHING";
                attempt.AmContainer = c;
                launches.Add((c, WithAmToken(app, _amLaunch[app.Id]), app));
            }
        }

        foreach (var (c, spec, app) in launches)
            _ = RunContainerAsync(new ContainerLauncher.Target(c, app.User, app.SubmitTime, IsAm: true), spec);
        ScheduleTasks();
    }

    internal double QueueShareLocked(string queue, Resource total)
    {
        var used = _nodes.SelectMany(n => n.Containers)
            .Where(c => _apps.TryGetValue(c.AppId, out var a) && a.Queue == queue)
            .Aggregate(Resource.Zero, (acc, c) => acc + c.Resource);
        var capacity = Options.Queues.TryGetValue(queue, out var cap) ? cap / 100.0 : 1.0;
        return used.DominantShare(total) / Math.Max(capacity, 1e-9);
    }

    internal ContainerRecord AllocateLocked(AppRecord app, AttemptRecord attempt, NodeRecord node, Resource r, long sequence, int priority, long allocationRequestId, bool isAm, IReadOnlyList<string>? allocationTags = null)
    {
        var id = YarnIds.Container(ClusterTimestamp, app.Sequence, attempt.Number, sequence, Epoch);
        var c = new ContainerRecord
        {
            Id = id, AppId = app.Id, AttemptNumber = attempt.Number, Node = node, Resource = r,
            GpuIndices = node.TakeGpus(r.Gpus, id), Priority = priority, AllocationRequestId = allocationRequestId, IsAm = isAm,
            AllocationTags = allocationTags ?? [],
        };
        node.Containers.Add(c);
        node.Used += r;
        return c;
    }

    private LaunchSpec WithAmToken(AppRecord app, LaunchSpec spec)
    {
        var token = AmRmTokens.Issue(ClusterTimestamp, app.Sequence, app.CurrentAttempt!.Number);
        return spec with { Tokens = [.. spec.Tokens.Where(t => t.Alias.Length > 0), token] };
    }

    /// <summary>Starts a container's process and reports its completion back into the state machine.</summary>
    internal async Task RunContainerAsync(ContainerLauncher.Target target, LaunchSpec spec)
    {
        var c = target.Container;
        ContainerProcess process;
        try
        {
            process = await _launcher.LaunchAsync(target, spec, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ContainerLaunchException or IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("container {Container} failed to launch: {Message}", c.Id, ex.Message);
            Complete(c, (ex as ContainerLaunchException)?.ExitCode ?? -1, ex.Message);
            return;
        }

        bool killNow;
        lock (_gate)
        {
            c.Process = process;
            if (_stopping) c.PendingKillStatus ??= ExitStatus.KilledByResourceManager;
            killNow = c.PendingKillStatus is not null;
            if (!killNow) c.State = "RUNNING";
            if (c.IsAm && _apps.TryGetValue(c.AppId, out var app) && app.LaunchTime == 0) app.LaunchTime = Now;
        }

        if (killNow) _ = process.KillAsync(Options.KillGracePeriod);
        Notify(c.AppId);
        var code = await process.Exited.ConfigureAwait(false);
        if (process.KillTask is { } kill) await kill.ConfigureAwait(false);
        process.Dispose();
        Complete(c, code, code == 0 ? "" : ExitDiagnostics.For(c.Id, code, Path.Combine(c.Node.LogDir, c.AppId, c.Id)));
    }

    /// <summary>Kills a container, reporting <paramref name="exitStatus"/> once it is gone.</summary>
    internal void KillContainer(ContainerRecord c, int exitStatus, string diagnostics)
    {
        ContainerProcess? p;
        bool neverStarted;
        lock (_gate)
        {
            if (c.State == "COMPLETE" || c.PendingKillStatus is not null) return;
            c.PendingKillStatus = exitStatus;
            c.Diagnostics = diagnostics;
            p = c.Process;
            neverStarted = c.State == "NEW";
        }

        if (neverStarted) Complete(c, exitStatus, diagnostics);
        else if (p is not null) _ = p.KillAsync(Options.KillGracePeriod);
        // A container still localizing is killed as soon as its process exists (see RunContainerAsync).
    }

    private void Complete(ContainerRecord c, int exitCode, string diagnostics)
    {
        string? changed = null;
        lock (_gate)
        {
            if (c.State == "COMPLETE") return;
            c.State = "COMPLETE";
            c.CompletedAt = Now;
            c.Process = null;
            c.ExitStatus = c.PendingKillStatus ?? exitCode;
            if (c.PendingKillStatus is null || c.Diagnostics.Length == 0) c.Diagnostics = diagnostics;
            c.Node.Release(c);
            CompletedContainers.Add(c);
            if (!c.IsAm && _apps.TryGetValue(c.AppId, out var owner) && owner.CurrentAttempt is { } current)
                AsksOf(current).NewlyCompleted.Add(c);
            if (c.IsAm && _apps.TryGetValue(c.AppId, out var app)) changed = AmContainerFinishedLocked(app, c);
        }

        Notify(changed ?? c.AppId);
        AggregateLogsIfEnded(c.AppId);
        Schedule();
    }

    /// <summary>Containers finished since start, for AM heartbeats and tests.</summary>
    internal List<ContainerRecord> CompletedContainers { get; } = [];
}
