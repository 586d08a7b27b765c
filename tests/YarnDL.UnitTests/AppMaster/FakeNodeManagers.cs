using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

internal sealed class FakeNodeManagers : INodeManagers
{
    public Dictionary<string, LaunchSpec> Started { get; } = [];

    public List<string> Stopped { get; } = [];

    public HashSet<string> Refuse { get; } = [];

    public Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        if (Refuse.Contains(container.ContainerId))
        {
            throw new ContainerLaunchException(container.ContainerId, container.NodeId, "refused");
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, container.ContainerToken.ToArray());
        Started[container.ContainerId] = launch;
        return Task.CompletedTask;
    }

    public Task StopAsync(string containerId, string nodeId, CancellationToken ct)
    {
        Stopped.Add(containerId);
        return Task.CompletedTask;
    }
}
