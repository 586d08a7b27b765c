using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YarnDL.IntegrationTests.EndToEnd;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// <c>yarndl status</c> as a real process against real AM and trainer processes on a MiniCluster: while a trial trains it
/// shows what the tracking page shows (epoch X of N, an ETA, each task's newest checkpoint and its age), the AM says a node
/// that joins meanwhile joined; once a job has ended, status says that what it shows is the AM's last state and from when, and
/// <c>wait --json</c> ends with the last status document it read, marked the same way.
/// Every step waits for a state the AM or RM reports, never for time.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class StatusProgressTests
{
    private static readonly TimeSpan CliDeadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Status_of_a_training_job_shows_epoch_of_epochs_eta_and_checkpoints_and_the_am_hears_a_node_join()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, FaultJobs.OneTrial);
        var rm = cluster.RmRestUri.AbsoluteUri;

        // Rank 0 finished an epoch (so the AM has a pace for its ETA) and a task reported a checkpoint.
        await job.WaitForStatusAsync("an ETA and a checkpoint", s => s.Clusters.Any(c => c.EtaSeconds is not null && c.Tasks.Any(t => t.CheckpointStep >= 0)));
        var text = await Yarndl.RunAsync(CliDeadline, "status", job.ApplicationId, "--rm", rm, "--user", "alice");
        var json = await Yarndl.RunAsync(CliDeadline, "status", job.ApplicationId, "--rm", rm, "--user", "alice", "--json");

        Assert.True(text.ExitCode == 0, text.Stdout + text.Stderr);
        Assert.Matches(TrialLine(), text.Stdout);
        Assert.Matches(CheckpointCell(), text.Stdout);
        Assert.True(json.ExitCode == 0, json.Stdout + json.Stderr);
        var doc = JsonNode.Parse(json.Stdout)!;
        var trial = doc["job"]!["clusters"]![0]!;
        Assert.Equal(40, trial["epochs"]!.GetValue<int>());
        Assert.NotNull(trial["etaSeconds"]);
        Assert.Contains(trial["tasks"]!.AsArray(), t => t!["checkpointStep"]!.GetValue<long>() >= 0 && t["checkpointAgeSeconds"] is not null);
        Assert.Null(doc["snapshot"]);

        var joined = await cluster.AddNodeAsync();
        await AmLogLineAsync(cluster, job.ApplicationId, $"The RM reports node {joined.NodeId} joined");
        var still = await job.WaitForStatusAsync("the trial still running", s => s.Clusters.All(c => c.State == "RUNNING"));
        Assert.All(still.Clusters, c => Assert.Equal(0, c.Restarts));

        var kill = await Yarndl.RunAsync(CliDeadline, "kill", job.ApplicationId, "--rm", rm, "--user", "alice");
        Assert.True(kill.ExitCode == 0, kill.Stdout + kill.Stderr);
    }

    [Fact]
    public async Task Status_of_an_ended_job_says_it_shows_the_ams_last_state_and_from_when()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, """
            name: status-snapshot
            am: { memory: 512m, vcores: 1, mode: local }
            command: "true"
            roles:
              worker: { instances: 1, memory: 256m, vcores: 1 }
            """);
        var rm = cluster.RmRestUri.AbsoluteUri;
        var end = await job.WaitForEndAsync();
        Assert.True(end.Succeeded, end.Diagnostics);

        var text = await Yarndl.RunAsync(CliDeadline, "status", job.ApplicationId, "--rm", rm, "--user", "alice");
        var json = await Yarndl.RunAsync(CliDeadline, "status", job.ApplicationId, "--rm", rm, "--user", "alice", "--json");

        var finished = DateTimeOffset.FromUnixTimeMilliseconds(end.FinishedTime).UtcDateTime;
        Assert.True(text.ExitCode == 0, text.Stdout + text.Stderr);
        Assert.Contains($"last known state from the AM at {finished.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z; the AM has ended", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^main\s+SUCCEEDED", text.Stdout);
        var snapshot = JsonNode.Parse(json.Stdout)!["snapshot"]!;
        Assert.Equal(finished.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), snapshot["at"]!.GetValue<string>());
        Assert.True(snapshot["amEnded"]!.GetValue<bool>());
        Assert.Equal("final-result", snapshot["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_json_ends_with_the_last_status_document_it_read_and_says_it_is_a_snapshot_of_the_ended_am()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        var dir = Directory.CreateTempSubdirectory("yarndl-wait-json-").FullName;
        await using var job = await E2eJob.SubmitAsync(cluster, $"""
            name: wait-json
            am: {"{"} memory: 512m, vcores: 1, mode: local {"}"}
            command: "sh -c 'while [ ! -e {dir}/exit ]; do sleep 0.1; done'"
            roles:
              worker: {"{"} instances: 1, memory: 256m, vcores: 1 {"}"}
            """);
        // wait reaches the RM through a proxy that counts its polls.
        await using var proxy = new PausableProxy(cluster.RmRestUri.Port);
        await using var wait = Yarndl.Start("wait", job.ApplicationId, "--rm", proxy.Uri.AbsoluteUri, "--user", "alice", "--json");

        await job.WaitForStatusAsync("the task running", s => s.Clusters.Any(c => c.Tasks.Any(t => t.State == "RUNNING")));
        // Two more polls: after the first, the AM answered, so wait read its status document before the second.
        await proxy.AppReadsReachAsync(proxy.AppReads + 2, CliDeadline);
        await File.WriteAllTextAsync(Path.Combine(dir, "exit"), "");

        var code = await wait.WaitForExitAsync(CliDeadline);
        var output = string.Join('\n', wait.Lines);
        Assert.True(code == 0, output);
        var doc = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal("FINISHED", doc["state"]!.GetValue<string>());
        var trial = doc["job"]!["clusters"]![0]!;
        Assert.Equal("main", trial["id"]!.GetValue<string>());
        Assert.Contains(trial["tasks"]!.AsArray(), t => t!["role"]!.GetValue<string>() == "worker");
        Assert.Equal("SUCCEEDED", doc["result"]!["trials"]![0]!["state"]!.GetValue<string>());
        var snapshot = doc["snapshot"]!;
        Assert.Equal("last-status", snapshot["source"]!.GetValue<string>());
        Assert.True(snapshot["amEnded"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", snapshot["at"]!.GetValue<string>());
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Waits until the application's AM (any attempt) has logged <paramref name="text"/>.</summary>
    private static async Task AmLogLineAsync(MiniYarnCluster cluster, string applicationId, string text)
    {
        using var cts = new CancellationTokenSource(CliDeadline);
        while (true)
        {
            var logs = cluster.Nodes.Select(n => Path.Combine(n.LogDir, applicationId)).Where(Directory.Exists)
                .SelectMany(d => Directory.GetFiles(d, "am.std*", SearchOption.AllDirectories));
            if (logs.Any(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the AM of {applicationId} did not log '{text}' within {CliDeadline}");
            }
        }
    }

    [GeneratedRegex(@"(?m)^trial-0000\s+RUNNING .*epoch \d+ of 40 eta ≈ \d+ (s|min|h)")]
    private static partial Regex TrialLine();

    [GeneratedRegex(@"(?m)^trial-0000\s+worker\s+\d.* step \d+ · epoch \d+, \d+ (s|min|h)[^,]* ago ")]
    private static partial Regex CheckpointCell();
}
