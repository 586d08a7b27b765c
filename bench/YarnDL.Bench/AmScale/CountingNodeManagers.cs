using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.Bench.AmScale;

/// <summary>Counts the startContainers the NodeManagers accepted.</summary>
internal sealed class CountingNodeManagers(INodeManagers inner) : INodeManagers
{
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public async Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        await inner.StartAsync(container, launch, ct).ConfigureAwait(false);
        Interlocked.Increment(ref _started);
    }

    public Task StopAsync(string containerId, string nodeId, CancellationToken ct) => inner.StopAsync(containerId, nodeId, ct);
}
