using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;

namespace YarnDL.AppMaster.Nm;

/// <summary>ContainerManagementProtocol towards whichever NM hosts a container (NMToken from the cache).</summary>
internal interface INodeManagers
{
    /// <summary>startContainers for one container; throws <see cref="ContainerStartException"/> when the NM refuses it.</summary>
    Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct);

    /// <summary>stopContainers; the container later completes with KILLED_BY_APPMASTER.</summary>
    Task StopAsync(string containerId, string nodeId, CancellationToken ct);
}
