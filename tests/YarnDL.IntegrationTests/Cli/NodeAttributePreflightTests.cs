using System.Text.Json.Nodes;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>The built yarndl against a MiniCluster whose nodes carry node attributes: a node attribute no node has stops
/// validate and submit before anything reaches the RM (YARN would keep such a request pending forever).</summary>
public sealed class NodeAttributePreflightTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Validate_and_submit_exit_2_naming_the_role_and_the_values_the_nodes_have_and_nothing_is_submitted()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 3, GpusPerNode = 0,
            NodeAttributes = new Dictionary<int, string> { [0] = "gpu-model,STRING,A100" },
            CentralizedNodeAttributes = new Dictionary<int, string> { [2] = "os=centos7" },
        });
        var rm = cluster.RmRestUri.AbsoluteUri;
        var dir = Directory.CreateTempSubdirectory("yarndl-attrs-").FullName;
        var job = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(job, """
            name: wants-h100
            am: { memory: 512m, mode: local }
            command: "true"
            roles:
              worker: { instances: 2, memory: 512m, node-attributes: [nm.yarn.io/gpu-model=H100] }
            """);

        var validate = await Yarndl.RunAsync(Deadline, "validate", job, "--rm", rm, "--user", "alice");
        var submit = await Yarndl.RunAsync(Deadline, "submit", job, "--rm", rm, "--user", "alice", "--am-dll", "/nonexistent/YarnDL.AppMaster.dll");

        const string problem = "role 'worker' needs node attribute nm.yarn.io/gpu-model=H100, but no running node in the default partition has it: nm.yarn.io/gpu-model is unset on 2 node(s), A100 on 1 node(s)";
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains($"error: preflight: {job}:5:59: {problem}", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, submit.ExitCode);
        Assert.Contains(problem, submit.Stderr, StringComparison.Ordinal);
        using var http = RmHttp.Create(cluster.RmRestUri);
        var (_, apps, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps");
        Assert.Null(apps!["apps"]); // nothing was submitted

        await File.WriteAllTextAsync(job, (await File.ReadAllTextAsync(job)).Replace("H100", "A100", StringComparison.Ordinal));
        var fixedJob = await Yarndl.RunAsync(Deadline, "validate", job, "--rm", rm, "--user", "alice");
        Assert.True(fixedJob.ExitCode == 0, fixedJob.Stdout);
        Assert.Contains("preflight checked against", fixedJob.Stdout, StringComparison.Ordinal);
    }
}
