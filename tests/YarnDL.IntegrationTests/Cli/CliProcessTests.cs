using System.Text.Json.Nodes;
using YarnDL.IntegrationTests.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>The built yarndl as a real process against a MiniCluster (2 nodes × 4 GPUs).</summary>
public sealed class CliProcessTests(MiniClusterFixture fx) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private string Rm => fx.Cluster.RmRestUri.AbsoluteUri;

    [Fact]
    public async Task Validate_accepts_the_readme_sweep()
    {
        var result = await Yarndl.RunAsync(Deadline, "validate", Path.Combine(Yarndl.RepoRoot, "examples", "digits-sweep.yaml"));

        Assert.True(result.ExitCode == 0, result.Stdout);
    }

    [Fact]
    public async Task Validate_of_a_broken_spec_exits_2_with_file_line_column()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-cli-").FullName;
        var path = Path.Combine(dir, "broken.yaml");
        await File.WriteAllTextAsync(path, "name: broken\nroles:\n  worker: { instances: 2, memroy: 1g }\n");

        var result = await Yarndl.RunAsync(Deadline, "validate", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"error: .*broken\.yaml:\d+:\d+", result.Stderr);
    }

    [Fact]
    public async Task Admin_nodes_json_lists_every_node_with_its_gpus()
    {
        var result = await Yarndl.RunAsync(Deadline, "admin", "nodes", "--json", "--rm", Rm);

        Assert.True(result.ExitCode == 0, result.Stdout);
        var nodes = JsonNode.Parse(result.Stdout)!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(4, n!["total"]!.GetValue<long>()));
    }

    [Fact]
    public async Task List_and_status_json_show_a_submitted_app_and_kill_stops_it()
    {
        var id = await fx.Http.SubmitAsync(Submissions.Shell("sleep 300"));
        await fx.Cluster.WaitForAmRunningAsync(id, Deadline);

        var list = await Yarndl.RunAsync(Deadline, "list", "--all-types", "--json", "--rm", Rm, "--user", "alice");
        Assert.True(list.ExitCode == 0, list.Stdout);
        Assert.Contains(JsonNode.Parse(list.Stdout)!.AsArray(), a => a!["id"]!.GetValue<string>() == id);

        var status = await Yarndl.RunAsync(Deadline, "status", id, "--json", "--rm", Rm, "--user", "alice");
        Assert.True(status.ExitCode == 0, status.Stdout);
        Assert.Contains(id, status.Stdout, StringComparison.Ordinal);

        var kill = await Yarndl.RunAsync(Deadline, "kill", id, "--rm", Rm, "--user", "alice");
        Assert.True(kill.ExitCode == 0, kill.Stdout);
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "KILLED");
    }

    [Fact]
    public async Task Minicluster_prints_its_rest_address_and_stops_on_sigterm()
    {
        await using var p = Yarndl.Start("minicluster", "--nodes", "1");

        var line = await p.WaitForLineAsync(l => l.StartsWith("rm-rest: http://127.0.0.1:", StringComparison.Ordinal), Deadline);
        await p.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Deadline);
        p.Terminate();

        Assert.Equal(0, await p.WaitForExitAsync(Deadline));
        Assert.Matches(@"^rm-rest: http://127\.0\.0\.1:\d+/$", line);
    }
}
