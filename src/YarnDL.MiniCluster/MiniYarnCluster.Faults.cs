using System.Net;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster;

public sealed partial class MiniYarnCluster
{
    /// <summary>Kills a container as the RM does (exit status -106; an AM container killed so does not use up an attempt).</summary>
    public void KillContainer(string containerId) => Rm.FaultKillContainer(containerId);

    /// <summary>The running AM of <paramref name="applicationId"/> crashes (SIGKILL, exit 137); the failed attempt counts
    /// towards max-app-attempts and a new attempt follows if any are left.</summary>
    public void KillAm(string applicationId) => Rm.FaultKillAm(applicationId);

    /// <summary>Marks a node LOST; its containers complete with -100.</summary>
    public void LoseNode(string nodeId) => Rm.FaultLoseNode(nodeId);

    /// <summary>Announces preemption of up to <paramref name="containers"/> containers, then kills them with -102 after the grace period.</summary>
    public IReadOnlyList<string> Preempt(string applicationId, int containers) => Rm.FaultPreempt(applicationId, containers);

    /// <summary>With HA: the standby becomes active and the active standby; AMs must resync as after a restart. The old
    /// active stops its ApplicationMasterService (its connections close, its scheduler address refuses connections) and
    /// the new active starts its own; AMs fail over to the other address.</summary>
    public void Failover()
    {
        if (_fronts.Count < 2) throw new InvalidOperationException("rm-failover needs a cluster started with HighAvailability");
        var previous = _activeRm;
        _activeRm = _activeRm == "rm1" ? "rm2" : "rm1";
        StopScheduler(previous);
        StartScheduler(_activeRm, IPEndPoint.Parse(_schedulerAddresses[_activeRm]).Port);
        // The new active recovers the apps from the shared store; attempts come back unregistered.
        RestartRm();
    }

    /// <summary>Restarts the NodeManager <paramref name="nodeId"/> (SIGTERM, then a new NM process on the same ports): every
    /// connection to it closes. With <see cref="MiniClusterOptions.NmRecoverySupervised"/> its containers keep running and
    /// are recovered; otherwise it kills them on shutdown (-107), and an AM among them fails its attempt (the RM starts a
    /// new one if max-attempts allows).</summary>
    public void RestartNodeManager(string nodeId)
    {
        var server = _nmServers.GetValueOrDefault(nodeId) ?? throw new ArgumentException($"no NodeManager {nodeId} in this cluster", nameof(nodeId));
        if (!Options.NmRecoverySupervised) Rm.FaultNmShutdownKillsContainers(nodeId);
        server.CloseConnectionsAsync().GetAwaiter().GetResult();
    }

    /// <summary>Closes every connection to the scheduler endpoints, as a restarted or failed-over RM drops them: each AM's
    /// next call reconnects and authenticates again (with the AMRMToken it holds then).</summary>
    private void CloseSchedulerConnections() =>
        Task.WhenAll(_schedulerServers.Values.Select(s => s.CloseConnectionsAsync())).GetAwaiter().GetResult();

    /// <summary>Marks the AM of the current attempt registered (what registerApplicationMaster does over IPC).</summary>
    public void RegisterApplicationMaster(string applicationId, string host, int rpcPort, string? trackingUrl) =>
        Rm.RegisterAttempt(applicationId, host, rpcPort, trackingUrl);

    /// <summary>Records the AM's final status (what finishApplicationMaster does over IPC).</summary>
    public void FinishApplicationMaster(string applicationId, string finalStatus, string diagnostics, string? trackingUrl) =>
        Rm.UnregisterAttempt(applicationId, finalStatus, diagnostics, trackingUrl);

    /// <summary>Work-preserving RM restart: containers keep running; AMs get ApplicationMasterNotRegisteredException and must re-register.</summary>
    public void RestartRm()
    {
        Rm.Read(v =>
        {
            StateStoreWriter.Write(Path.Combine(WorkDir, "rmstore"), v, v.Rm.Epoch + 1);
            return 0;
        });
        Rm.RestartPreservingWork();
        AmService.ForgetRegistrations();
        CloseSchedulerConnections();
    }

    /// <summary>Rolls the AMRMToken master key now (as the rolling interval does): each AM gets a token of the new key in
    /// its next allocate response (am_rm_token); the old key is retired after <see cref="MiniClusterOptions.AmRmTokenActivationDelay"/>.</summary>
    public void RollAmRmTokenMasterKey() => Rm.AmRmTokens.Roll();

    /// <summary>Activates the rolled AMRMToken key at once (what the activation delay's timer does): tokens of the old key are refused from now on.</summary>
    public void ActivateNextAmRmTokenMasterKey() => Rm.AmRmTokens.ActivateNext();

    /// <summary>Raised with the key id each time a rolled AMRMToken key becomes the only valid one.</summary>
    public event Action<int>? AmRmTokenKeyActivated
    {
        add => Rm.AmRmTokens.KeyActivated += value;
        remove => Rm.AmRmTokens.KeyActivated -= value;
    }
}
