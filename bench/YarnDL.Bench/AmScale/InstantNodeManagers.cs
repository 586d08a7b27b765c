using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.Bench.AmScale;

/// <summary>NMs that accept every start at once (the bench measures the AM, not process start-up).</summary>
internal sealed class InstantNodeManagers : INodeManagers
{
    public int Started { get; private set; }

    public Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        Started++;
        return Task.CompletedTask;
    }

    public Task StopAsync(string containerId, string nodeId, CancellationToken ct) => Task.CompletedTask;
}
