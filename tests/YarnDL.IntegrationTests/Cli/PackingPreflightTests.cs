using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>The built yarndl against a MiniCluster of two 8g nodes: three 5g workers fit the cluster's total memory but not its
/// nodes, so validate and submit refuse the job naming the role and the largest node, and nothing reaches the RM.</summary>
public sealed class PackingPreflightTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_5g_workers_on_two_8g_nodes_are_refused_by_validate_and_submit()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 8192, VCoresPerNode = 8 });
        var rm = cluster.RmRestUri.AbsoluteUri;
        var dir = Directory.CreateTempSubdirectory("yarndl-packing-").FullName;
        var job = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(job, """
            name: does-not-pack
            am: { memory: 512m, mode: local }
            command: "true"
            roles:
              worker: { instances: 3, memory: 5g, vcores: 1 }
            """);

        var validate = await Yarndl.RunAsync(Deadline, "validate", job, "--rm", rm, "--user", "alice");
        var submit = await Yarndl.RunAsync(Deadline, "submit", job, "--rm", rm, "--user", "alice", "--am-dll", "/nonexistent/YarnDL.AppMaster.dll");

        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("role 'worker' cannot be placed", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("has 8192m, 8 vcores and 0 GPU(s)", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains(": rejected: 'does-not-pack'", validate.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, submit.ExitCode);
        Assert.Contains("role 'worker' cannot be placed", submit.Stderr, StringComparison.Ordinal);
        using var http = RmHttp.Create(cluster.RmRestUri);
        var (_, apps, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps");
        Assert.Null(apps!["apps"]); // nothing was submitted
    }
}
