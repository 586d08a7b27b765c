using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

internal sealed class FakeNodeManagers : INodeManagers
{
    public Dictionary<string, LaunchSpec> Started { get; } = [];

    public List<string> Stopped { get; } = [];

    public HashSet<string> Refuse { get; } = [];

    /// <summary>When set, every start waits for it (to observe how many are in flight at once).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public int InFlight { get; private set; }

    public int MaxInFlight { get; private set; }

    public async Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        if (Refuse.Contains(container.ContainerId))
        {
            throw new ContainerStartException(container.ContainerId, container.NodeId, "refused");
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, container.ContainerToken.ToArray());
        if (Hold is { } hold)
        {
            MaxInFlight = Math.Max(MaxInFlight, ++InFlight);
            await hold.Task;
            InFlight--;
        }

        Started[container.ContainerId] = launch;
    }

    public Task StopAsync(string containerId, string nodeId, CancellationToken ct)
    {
        Stopped.Add(containerId);
        return Task.CompletedTask;
    }
}
