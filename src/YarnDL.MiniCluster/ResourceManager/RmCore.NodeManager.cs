using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    /// <summary>startContainers on the container's NM: the allocation must exist, belong to the app and not be started yet.</summary>
    public void StartContainer(string appId, string containerId, LaunchSpec spec)
    {
        ContainerRecord c;
        AppRecord app;
        lock (_gate)
        {
            app = GetAppLocked(appId);
            c = _nodes.SelectMany(n => n.Containers).FirstOrDefault(x => x.Id == containerId && x.AppId == appId)
                ?? throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.InvalidContainerException", $"Container {containerId} is not allocated to application {appId}");
            if (c.State != "NEW" || c.IsAm)
                throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.YarnException", $"Container {containerId} already is running on this node!!");
            if (c.Node.State != "RUNNING")
                throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.YarnException", $"Node {c.Node.NodeId} is not running");
            c.State = "LAUNCHING";
        }

        _ = RunContainerAsync(new ContainerLauncher.Target(c, app.User, app.SubmitTime, IsAm: false), spec);
    }

    /// <summary>stopContainers from the AM: the container completes with -105. A container of this NM that completed within
    /// <c>yarn.nodemanager.duration-to-track-stopped-containers</c> is in the NM's recently-stopped set, and stopping it
    /// succeeds without doing anything (ContainerManagerImpl.stopContainerInternal).</summary>
    public void StopContainer(string appId, string containerId, string nodeId)
    {
        ContainerRecord? c;
        lock (_gate)
        {
            c = _nodes.SelectMany(n => n.Containers).FirstOrDefault(x => x.Id == containerId && x.AppId == appId);
            if (c is null && CompletedContainers.Any(x => x.Id == containerId && x.AppId == appId && x.Node.NodeId == nodeId
                && Now - x.CompletedAt <= (long)Options.NmDurationToTrackStoppedContainers.TotalMilliseconds))
                return;
            if (c is null)
                throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.YarnException", $"Container {containerId} is not handled by this NodeManager");
        }

        KillContainer(c, ExitStatus.KilledByAppMaster, "Container killed by the ApplicationMaster.");
    }
}
