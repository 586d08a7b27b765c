using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>The accuracy of <see cref="FaultJobs.OneTrial"/> without faults, run once (on first use) for the whole suite.</summary>
public sealed class FaultFreeBaseline : IAsyncDisposable
{
    private readonly Lazy<Task<double>> _accuracy = new(RunAsync);

    public Task<double> AccuracyAsync() => _accuracy.Value;

    private static async Task<double> RunAsync()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, FaultJobs.OneTrial);
        var report = await job.WaitForEndAsync();
        Assert.True(report.Succeeded, $"fault-free run: {report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        return E2eJob.Accuracy(report);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
