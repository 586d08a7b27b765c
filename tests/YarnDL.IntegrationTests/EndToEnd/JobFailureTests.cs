using YarnDL.IntegrationTests.Cli;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>Jobs that cannot succeed end quickly with a diagnostic a user can act on, through the real CLI.</summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed class JobFailureTests
{
    private static readonly TimeSpan CliDeadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_task_that_always_exits_1_fails_the_job_and_wait_names_it_and_exits_4()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, """
            name: e2e-exit-1
            am: { memory: 512m, vcores: 1, mode: local }
            command: "false"
            roles:
              worker: { instances: 2, memory: 512m, vcores: 1, gpus: 0 }
            restart: { policy: on-failure, max-restarts: 1 }
            """);

        var wait = await Yarndl.RunAsync(CliDeadline, "wait", job.ApplicationId, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice");

        Assert.True(wait.ExitCode == 4, $"exit {wait.ExitCode}\n{wait.Stdout}");
        var error = wait.Stdout.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Matches(@"cluster main failed: worker:[01] on 127\.0\.0\.1:\d+ \(container_\d+_\d+_\d+_\d+\) exited 1", error);
        Assert.True(error.Contains("(after 1 restarts)", StringComparison.Ordinal), error);
        Assert.Matches(@"read worker-[01]\.stderr and \.stdout at (http://127\.0\.0\.1:\d+/node/containerlogs/container_\S+/alice) \(after the end: yarndl logs application_\S+ --task worker:[01]\); fix the program or its settings, then resubmit", error);
        using var http = new HttpClient();
        using var page = await http.GetAsync(new Uri(System.Text.RegularExpressions.Regex.Match(error, @"http://\S+/alice").Value));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Log Type: <a href=\"/node/containerlogs/container_", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gpu_asks_above_the_largest_container_are_refused_by_submit_before_anything_runs()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 4 });
        var spec = Path.Combine(Directory.CreateTempSubdirectory("yarndl-e2e-").FullName, "job.yaml");
        await File.WriteAllTextAsync(spec, GpuHungryJob);

        var submit = await Yarndl.RunAsync(CliDeadline, "submit", spec, "--wait", "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice", "--am-mode", "local", "--am-dll", E2eJob.AppMasterDll);

        Assert.True(submit.ExitCode == 2, $"exit {submit.ExitCode}\n{submit.Stdout}");
        Assert.Contains("role 'worker' asks for 8 GPU(s) per task, above the cluster's maximum allocation of 4", submit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted application_", submit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_needing_more_gpus_than_the_whole_cluster_has_is_refused_by_submit()
    {
        // Each 2-GPU task fits a node, but three of them need 6 GPUs at once and the two nodes have 4.
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 2 });
        var spec = Path.Combine(Directory.CreateTempSubdirectory("yarndl-e2e-").FullName, "job.yaml");
        await File.WriteAllTextAsync(spec, GpuHungryJob.Replace("instances: 2, memory: 512m, vcores: 1, gpus: 8", "instances: 3, memory: 512m, vcores: 1, gpus: 2", StringComparison.Ordinal));

        var submit = await Yarndl.RunAsync(CliDeadline, "submit", spec, "--wait", "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice", "--am-mode", "local", "--am-dll", E2eJob.AppMasterDll);

        Assert.True(submit.ExitCode == 2, $"exit {submit.ExitCode}\n{submit.Stdout}");
        Assert.Contains(":4:1: one training cluster needs 6 GPU(s) at once (worker 3 × 2) but the cluster has 4 in all on 2 active node(s)", submit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted application_", submit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gpu_asks_above_the_largest_container_fail_the_am_at_once_when_submit_did_not_check()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, GpuHungryJob, preflight: false);

        var report = await job.WaitForEndAsync();

        Assert.Equal(("FINISHED", "FAILED"), (report.State, report.FinalStatus));
        Assert.Contains("role 'worker' asks 8 GPUs per container but the largest container this cluster grants has 4", report.Diagnostics, StringComparison.Ordinal);
        var launched = Directory.GetDirectories(Path.Combine(cluster.Nodes.Single().LogDir, job.ApplicationId));
        Assert.True(launched.Length == 1, "only the AM container ran: " + string.Join(", ", launched.Select(Path.GetFileName)));
    }

    private const string GpuHungryJob = """
        name: e2e-gpu-hungry
        am: { memory: 512m, vcores: 1, mode: local }
        trainer: { model: mlp, dataset: digits, epochs: 1 }
        roles:
          worker: { instances: 2, memory: 512m, vcores: 1, gpus: 8 }
        """;
}
