using System.Text.RegularExpressions;
using YarnDL.IntegrationTests.Cli;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>A <c>command:</c> job forms its cluster from the variables the task launcher exports: the example
/// <c>examples/cluster-check.yaml</c> on the MiniCluster through the real AM and trainer processes, waited for with the CLI.</summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class CommandClusterTests
{
    private static readonly TimeSpan CliDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Chief_two_workers_and_a_ps_see_the_same_cluster_and_every_task_reaches_the_chief_over_tcp()
    {
        var reports = Directory.CreateTempSubdirectory("yarndl-cluster-check-").FullName;
        var yaml = await File.ReadAllTextAsync(Path.Combine(Yarndl.RepoRoot, "examples", "cluster-check.yaml"));
        Assert.Contains("CHECK_DIR=\"\"", yaml, StringComparison.Ordinal);
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        await using var job = await E2eJob.SubmitAsync(cluster, yaml.Replace("CHECK_DIR=\"\"", $"CHECK_DIR=\"{reports}\"", StringComparison.Ordinal));

        var wait = await Yarndl.RunAsync(CliDeadline, "wait", job.ApplicationId, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "alice");

        Assert.True(wait.ExitCode == 0, $"exit {wait.ExitCode}\n{wait.Stdout}\n{job.Trace()}");
        AssertOneClusterSeenByAll(reports);
    }

    /// <summary>As a user submits on a cluster without docker: <c>--am-mode upload</c> packs the AM and the trainer that ship
    /// beside yarndl, the NodeManager localizes both, and each task's launcher is the localized trainer's exec verb
    /// (nothing found through PATH, no docker settings in the tasks' launch context).</summary>
    [Fact]
    public async Task In_upload_mode_the_shipped_trainer_launches_every_task_of_a_command_job()
    {
        var reports = Directory.CreateTempSubdirectory("yarndl-cluster-check-upload-").FullName;
        var yaml = await File.ReadAllTextAsync(Path.Combine(Yarndl.RepoRoot, "examples", "cluster-check.yaml"));
        var job = Path.Combine(reports, "cluster-check.yaml");
        await File.WriteAllTextAsync(job, yaml.Replace("CHECK_DIR=\"\"", $"CHECK_DIR=\"{reports}\"", StringComparison.Ordinal));
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4 });

        var submit = await Yarndl.RunAsync(CliDeadline, "submit", job, "--am-mode", "upload", "--wait", "--rm", cluster.RmRestUri.AbsoluteUri,
            "--user", "alice", "--webhdfs", cluster.WebHdfsUri.AbsoluteUri, "--default-fs", "hdfs://nn:8020");

        Assert.True(submit.ExitCode == 0, $"exit {submit.ExitCode}\n{submit.Stdout}");
        AssertOneClusterSeenByAll(reports);
    }

    private static void AssertOneClusterSeenByAll(string reports)
    {
        var seen = new[] { "chief-0", "worker-0", "worker-1", "ps-0" }.ToDictionary(t => t, t => Parse(File.ReadAllText(Path.Combine(reports, t + ".env"))));
        var tfCluster = seen.Values.Select(v => ClusterPart().Match(v["TF_CONFIG"]).Value).Distinct().ToList();
        Assert.Single(tfCluster);
        Assert.Matches("""^\{"cluster":\{"chief":\["[^"]+:\d+"\],"ps":\["[^"]+:\d+"\],"worker":\["[^"]+:\d+","[^"]+:\d+"\]\}""", tfCluster[0]);
        foreach (var (task, v) in seen)
        {
            var (role, index) = (task[..task.IndexOf('-')], task[(task.IndexOf('-') + 1)..]);
            Assert.Contains($"\"task\":{{\"type\":\"{role}\",\"index\":{index}}}", v["TF_CONFIG"], StringComparison.Ordinal);
            Assert.Equal("3", v["WORLD_SIZE"]);
            Assert.Equal(seen["chief-0"]["YARNDL_TASK_PORT"], v["MASTER_PORT"]);
            Assert.Equal(seen["chief-0"]["MASTER_ADDR"], v["MASTER_ADDR"]);
            Assert.Contains($"\"{v["MASTER_ADDR"]}:{v["MASTER_PORT"]}\"]", tfCluster[0].Split("\"chief\":[")[1], StringComparison.Ordinal);
            Assert.Contains($":{v["YARNDL_TASK_PORT"]}\"", tfCluster[0], StringComparison.Ordinal);
        }

        Assert.Equal(["0", "1", "2", "unset"], [seen["chief-0"]["RANK"], seen["worker-0"]["RANK"], seen["worker-1"]["RANK"], seen["ps-0"]["RANK"]]);
        Assert.Equal("unset", seen["ps-0"]["LOCAL_RANK"]);
        foreach (var peer in new[] { "worker-0", "worker-1", "ps-0" })
        {
            Assert.Equal($"reached {seen[peer]["MASTER_ADDR"]}:{seen[peer]["MASTER_PORT"]}", File.ReadAllText(Path.Combine(reports, peer + ".reached")).Trim());
        }

        var heard = File.ReadAllLines(Path.Combine(reports, "chief-0.heard")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["chief got: ps-0", "chief got: worker-0", "chief got: worker-1"], heard);
        Directory.Delete(reports, recursive: true);
    }

    /// <summary>The <c>NAME=value</c> fields of a report line (values have no spaces: TF_CONFIG is compact JSON).</summary>
    private static Dictionary<string, string> Parse(string line) =>
        line.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [GeneratedRegex("""^\{"cluster":\{.*?\}""")]
    private static partial Regex ClusterPart();
}
