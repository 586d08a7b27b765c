using YarnDL.IntegrationTests.Cli;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// <see cref="FaultJobs.OneTrial"/> without faults, run once (on first use) for the whole suite, watched by a real
/// <c>yarndl wait</c> at the same time: its accuracy is what every fault run must reach, its output shows the live progress.
/// </summary>
public sealed class FaultFreeBaseline
{
    private readonly Lazy<Task<Run>> _run = new(RunAsync);

    public sealed record Run(double Accuracy, int WaitExitCode, IReadOnlyList<string> WaitLines);

    public async Task<double> AccuracyAsync() => (await _run.Value).Accuracy;

    public Task<Run> ResultAsync() => _run.Value;

    private static async Task<Run> RunAsync()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, FaultJobs.OneTrial);
        var wait = Yarndl.RunAsync(E2eJob.Deadline, "wait", job.ApplicationId, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice");
        var report = await job.WaitForEndAsync();
        var watched = await wait;
        Assert.True(report.Succeeded, $"fault-free run: {report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        return new Run(E2eJob.Accuracy(report), watched.ExitCode, watched.Stdout.Split('\n'));
    }
}
