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

    /// <summary>With HA: the standby becomes active and the active standby; AMs must resync as after a restart.</summary>
    public void Failover()
    {
        if (_fronts.Count < 2) throw new InvalidOperationException("rm-failover needs a cluster started with HighAvailability");
        _activeRm = _activeRm == "rm1" ? "rm2" : "rm1";
        // The new active recovers the apps from the shared store; attempts come back unregistered.
        RestartRm();
    }

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
    }

    /// <summary>Rolls the AMRMToken master key: each AM gets a new token in its next allocate response (am_rm_token).</summary>
    public void RollAmRmTokenMasterKey() => Rm.AmRmTokens.Roll();
}
