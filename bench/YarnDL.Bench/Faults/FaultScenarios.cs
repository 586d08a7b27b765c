using YarnDL.Tracking;
using YarnDL.MiniCluster;

namespace YarnDL.Bench.Faults;

/// <summary>The soak's scenarios, each a MiniCluster fault injected once a task has reached mid-training.</summary>
internal static class FaultScenarios
{
    private static readonly TimeSpan TokenHandOutLimit = TimeSpan.FromMinutes(1);

    /// <summary>Every scenario, in the order the soak runs and prints them.</summary>
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("rm_restart", Cluster(), t => Sync(t.Cluster.RestartRm)),
        new("rm_failover", Cluster(ha: true), t => Sync(t.Cluster.Failover)),
        new("preemption", Cluster(), t => Sync(() => t.Cluster.Preempt(t.ApplicationId, 1))),
        new("killed_trainer", Cluster(), t => Sync(() => t.Cluster.KillContainer(Worker(t, 1).ContainerId!))),
        new("lost_node", Cluster(), t => Sync(() => t.Cluster.LoseNode(TaskNodeOtherThanAm(t)))),
        new("killed_am", Cluster(), t => Sync(() => t.Cluster.KillAm(t.ApplicationId))),
        // Hadoop's default (recovery not supervised): the NodeManager of the AM's node kills its containers on shutdown,
        // and the RM starts a new AM attempt that takes over the trainers.
        new("nm_restart", Cluster(), t => Sync(() => t.Cluster.RestartNodeManager(AmNode(t)))),
        new("token_roll", Cluster(), RollTokenThenRestartRmAsync),
    ];

    /// <summary>The fault-free run every scenario's accuracy is compared with.</summary>
    public static FaultScenario None { get; } = new("fault_free", Cluster(), _ => Task.CompletedTask);

    private static MiniClusterOptions Cluster(bool ha = false) =>
        new() { Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4, HighAvailability = ha };

    /// <summary>Rolls the AMRMToken master key, waits until the AM has taken the new token in (the RM hands it out in
    /// every allocate answer until the AM connects with it, and the AM heartbeats one call at a time, so a second hand-out
    /// means the first answer arrived), retires the old key, then restarts the RM so the AM must authenticate again.</summary>
    private static async Task RollTokenThenRestartRmAsync(FaultTarget t)
    {
        var handedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handOuts = 0;
        var appPart = t.ApplicationId["application_".Length..];
        void OnHandOut(string attempt, int key)
        {
            if (attempt.Contains(appPart, StringComparison.Ordinal) && Interlocked.Increment(ref handOuts) >= 2)
            {
                handedOut.TrySetResult();
            }
        }

        t.Cluster.Rm.AmRmTokenHandedOut += OnHandOut;
        try
        {
            t.Cluster.RollAmRmTokenMasterKey();
            await handedOut.Task.WaitAsync(TokenHandOutLimit).ConfigureAwait(false);
        }
        finally
        {
            t.Cluster.Rm.AmRmTokenHandedOut -= OnHandOut;
        }

        t.Cluster.ActivateNextAmRmTokenMasterKey();
        t.Cluster.RestartRm();
    }

    private static AmTaskStatus Worker(FaultTarget t, int index) =>
        t.Tasks.Single(task => task.Role == "worker" && task.Index == index);

    private static string AmNode(FaultTarget t) =>
        t.Cluster.Rm.Read(v => v.Apps.Single(a => a.Id == t.ApplicationId).CurrentAttempt!.AmContainer!.Node.NodeId);

    private static string TaskNodeOtherThanAm(FaultTarget t)
    {
        var amNode = AmNode(t);
        var taskNodes = t.Tasks.Select(task => task.Node!).Distinct(StringComparer.Ordinal).ToList();
        return taskNodes.FirstOrDefault(n => n != amNode) ?? taskNodes[0];
    }

    private static Task Sync(Action fault)
    {
        fault();
        return Task.CompletedTask;
    }
}
