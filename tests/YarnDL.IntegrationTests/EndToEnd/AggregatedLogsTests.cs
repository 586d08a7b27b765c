using YarnDL.IntegrationTests.Cli;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// With log aggregation on, a failed job's NodeManager uploads its containers' logs as a TFile and deletes its local copies,
/// so <c>yarndl logs</c> after the end can only answer from the aggregated file, read over WebHDFS.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AggregatedLogsTests
{
    private static readonly TimeSpan CliDeadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Task_logs_of_a_failed_job_come_from_the_aggregated_file_through_the_cli()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 1, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4, LogAggregation = true,
        });
        await using var job = await E2eJob.SubmitAsync(cluster, """
            name: e2e-aggregated-logs
            am: { memory: 512m, vcores: 1, mode: local }
            command: "echo out-of-$YARNDL_ROLE-$YARNDL_INDEX; echo err-of-$YARNDL_ROLE >&2; exit 3"
            roles:
              worker: { instances: 1, memory: 512m, vcores: 1, gpus: 0 }
            restart: { policy: never }
            """);
        await cluster.WaitForAppStateAsync(job.ApplicationId, E2eJob.Deadline, "FINISHED", "FAILED", "KILLED");

        Assert.Equal("SUCCEEDED", await cluster.WaitForLogAggregationAsync(job.ApplicationId, E2eJob.Deadline));
        Assert.False(Directory.Exists(Path.Combine(cluster.Nodes[0].LogDir, job.ApplicationId)), "the NM keeps no local copy once aggregated");
        var logs = await Yarndl.RunAsync(CliDeadline, "logs", job.ApplicationId, "--task", "worker:0", "--rm", cluster.RmRestUri.AbsoluteUri,
            "--user", "alice", "--log-dir", $"webhdfs://{cluster.WebHdfsUri.Authority}/tmp/logs");

        Assert.True(logs.ExitCode == 0, $"exit {logs.ExitCode}\n{logs.Stdout}");
        Assert.Contains(logs.Stdout.Split('\n'), l => l.StartsWith("==> main worker:0 container_", StringComparison.Ordinal) && l.EndsWith(" worker-0.stdout <==", StringComparison.Ordinal));
        Assert.Contains("out-of-worker-0", logs.Stdout, StringComparison.Ordinal);
        Assert.Contains("err-of-worker", logs.Stdout, StringComparison.Ordinal);

        var am = await Yarndl.RunAsync(CliDeadline, "logs", job.ApplicationId, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice",
            "--log-dir", $"webhdfs://{cluster.WebHdfsUri.Authority}/tmp/logs");
        Assert.True(am.ExitCode == 0, $"exit {am.ExitCode}\n{am.Stdout}");
        Assert.Contains("==> attempt 1 container_", am.Stdout, StringComparison.Ordinal);
    }
}
