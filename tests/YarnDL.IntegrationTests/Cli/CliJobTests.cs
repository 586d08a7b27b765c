using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// The built yarndl with the real AM (am/ beside yarndl.dll) against an HA MiniCluster: a <c>command:</c> job whose one task
/// prints a line, touches <c>started</c> and waits for an <c>exit</c> file the test writes, so every step is awaited, never timed.
/// </summary>
public sealed partial class CliJobTests(HaMiniClusterFixture fx) : IClassFixture<HaMiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private string Rms => string.Join(',', fx.Cluster.RmRestUris.Select(u => u.AbsoluteUri));

    private static string AmDll => Path.Combine(Path.GetDirectoryName(Yarndl.Dll)!, "am", "YarnDL.AppMaster.dll");

    [Fact]
    public async Task Submit_wait_survives_an_rm_failover_while_the_job_runs_and_submits_once()
    {
        var (dir, job) = await WriteJobAsync("failover-job");
        await using var submit = Yarndl.Start("submit", job, "--rm", Rms, "--user", "alice", "--am-dll", AmDll, "--wait");
        await FileWaits.WaitForFileAsync(Path.Combine(dir, "started"), Deadline);
        var id = await SubmittedIdAsync(submit);

        fx.Cluster.Failover(); // the RM that accepted the job becomes standby; the AM and the CLI move to the other
        await File.WriteAllTextAsync(Path.Combine(dir, "exit"), "");

        var code = await submit.WaitForExitAsync(Deadline);
        Assert.True(code == 0, string.Join('\n', submit.Lines));
        Assert.Contains($"{id} FINISHED 100%", submit.Lines);
        using var http = RmHttp.Create(fx.Cluster.RmRestUri);
        var (_, apps, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps?user.name=alice");
        var mine = apps!["apps"]!["app"]!.AsArray().Where(a => a!["name"]!.GetValue<string>() == "failover-job").ToList();
        Assert.Equal("SUCCEEDED", Assert.Single(mine)!["finalStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logs_follow_streams_a_task_until_the_end_and_status_lists_the_task()
    {
        var (dir, job) = await WriteJobAsync("logs-job");
        var submitted = await Yarndl.RunAsync(Deadline, "submit", job, "--rm", Rms, "--user", "alice", "--am-dll", AmDll);
        Assert.True(submitted.ExitCode == 0, submitted.Stdout);
        var id = AppId().Match(submitted.Stdout).Value;
        await FileWaits.WaitForFileAsync(Path.Combine(dir, "started"), Deadline);

        await using var follow = Yarndl.Start("logs", id, "--task", "worker:0", "--follow", "--rm", Rms, "--user", "alice");
        await follow.WaitForLineAsync(l => l == "started worker 0", Deadline);
        var json = await Yarndl.RunAsync(Deadline, "status", id, "--json", "--rm", Rms, "--user", "alice");
        var table = await Yarndl.RunAsync(Deadline, "status", id, "--rm", Rms, "--user", "alice");
        await File.WriteAllTextAsync(Path.Combine(dir, "exit"), "");

        Assert.True(await follow.WaitForExitAsync(Deadline) == 0, string.Join('\n', follow.Lines));
        Assert.Contains(follow.Lines, l => l.StartsWith("==> main worker:0 container_", StringComparison.Ordinal) && l.EndsWith(" worker-0.stdout <==", StringComparison.Ordinal));
        Assert.Contains("finished worker 0", follow.Lines);
        var task = JsonNode.Parse(json.Stdout)!["job"]!["clusters"]![0]!["tasks"]![0]!;
        Assert.Equal("worker", task["role"]!.GetValue<string>());
        Assert.StartsWith("container_", task["containerId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^main\s+worker\s+0\s+\S+\s+[A-Z]+\s", table.Stdout);

        var am = await Yarndl.RunAsync(Deadline, "logs", id, "--rm", Rms, "--user", "alice");
        Assert.True(am.ExitCode == 0, am.Stdout);
        Assert.Contains("==> attempt 1 ", am.Stdout, StringComparison.Ordinal);
        Assert.Contains("final: SUCCEEDED", am.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_mode_stages_job_and_am_bundle_through_webhdfs_and_the_am_starts_from_the_bundle()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-cliupload-").FullName;
        var job = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(job, """
            name: upload-job
            am: { memory: 512m, vcores: 1, mode: upload }
            command: "true"
            roles:
              worker: { instances: 1, memory: 256m }
            """);
        var bundle = await WriteBundleAsync(dir, $"#!/bin/sh\ncp job.yaml {dir}/seen.tmp && mv {dir}/seen.tmp {dir}/seen.yaml\nwhile [ ! -e {dir}/exit ]; do sleep 0.1; done\n");

        var submitted = await Yarndl.RunAsync(Deadline, "submit", job, "--rm", Rms, "--user", "alice",
            "--webhdfs", fx.Cluster.WebHdfsUri.AbsoluteUri, "--default-fs", "hdfs://nn:8020", "--am-bundle", bundle);
        Assert.True(submitted.ExitCode == 0, submitted.Stdout);
        var id = AppId().Match(submitted.Stdout).Value;

        // The NM localizes only resources whose size and timestamp match the file (as FSDownload does), then unpacks the bundle.
        await FileWaits.WaitForFileAsync(Path.Combine(dir, "seen.yaml"), Deadline);
        Assert.Equal(await File.ReadAllTextAsync(job), await File.ReadAllTextAsync(Path.Combine(dir, "seen.yaml")));
        using var hdfs = RmHttp.Create(fx.Cluster.WebHdfsUri);
        var (_, status, _) = await hdfs.SendAsync(HttpMethod.Get, $"webhdfs/v1/user/alice/.yarndl/{id}/am.tgz?op=GETFILESTATUS&user.name=alice");
        Assert.Equal(new FileInfo(bundle).Length, status!["FileStatus"]!["length"]!.GetValue<long>());

        var kill = await Yarndl.RunAsync(Deadline, "kill", id, "--rm", Rms, "--user", "alice");
        Assert.True(kill.ExitCode == 0, kill.Stdout);
        await File.WriteAllTextAsync(Path.Combine(dir, "exit"), "");
    }

    /// <summary>A tar.gz whose top level holds an executable <c>yarndl-am</c> (the command upload mode runs as <c>./am/yarndl-am</c>).</summary>
    private static async Task<string> WriteBundleAsync(string dir, string script)
    {
        var content = Directory.CreateDirectory(Path.Combine(dir, "bundle")).FullName;
        var am = Path.Combine(content, "yarndl-am");
        await File.WriteAllTextAsync(am, script);
        if (!OperatingSystem.IsWindows()) // the MiniCluster's containers are bash scripts: Unix only
        {
            File.SetUnixFileMode(am, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        var path = Path.Combine(dir, "am.tgz");
        await using (var file = File.Create(path))
        await using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            await TarFile.CreateFromDirectoryAsync(content, gz, includeBaseDirectory: false);
        }

        return path;
    }

    private static async Task<(string Dir, string Job)> WriteJobAsync(string name)
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-clijob-").FullName;
        var script = $"echo started worker 0; touch {dir}/started; while [ ! -e {dir}/exit ]; do sleep 0.1; done; echo finished worker 0";
        var job = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(job, $"""
            name: {name}
            am: {"{"} memory: 512m, vcores: 1, mode: local {"}"}
            command: "sh -c '{script}'"
            roles:
              worker: {"{"} instances: 1, memory: 256m, vcores: 1 {"}"}
            restart: {"{"} policy: never {"}"}
            """);
        return (dir, job);
    }

    private static async Task<string> SubmittedIdAsync(Testing.Processes.ProcessRunner p)
    {
        var line = await p.WaitForLineAsync(l => l.StartsWith("submitted application_", StringComparison.Ordinal), Deadline);
        return line["submitted ".Length..];
    }

    [GeneratedRegex(@"application_\d+_\d+")]
    private static partial Regex AppId();
}
