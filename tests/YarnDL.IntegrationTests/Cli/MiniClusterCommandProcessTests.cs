using System.Globalization;
using YarnDL.IntegrationTests.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary><c>yarndl minicluster</c> as a real process: prints where to reach it, serves REST, and on SIGTERM
/// kills every container it launched, children included, before it exits.</summary>
public sealed class MiniClusterCommandProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_kills_the_running_am_and_its_children_then_exits_0()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-mc-cmd-").FullName;
        try
        {
            await using var p = Yarndl.Start("minicluster", "--nodes", "2", "--gpus-per-node", "1", "--memory-per-node", "4g", "--work-dir", work);
            var rest = (await p.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Deadline))["rm-rest: ".Length..];
            var scheduler = (await p.WaitForLineAsync(l => l.StartsWith("scheduler: ", StringComparison.Ordinal), Deadline))["scheduler: ".Length..];
            var confDir = (await p.WaitForLineAsync(l => l.StartsWith("conf-dir: ", StringComparison.Ordinal), Deadline))["conf-dir: ".Length..];
            await p.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Deadline);

            Assert.Matches(@"^127\.0\.0\.1:\d+$", scheduler);
            var site = await File.ReadAllTextAsync(Path.Combine(confDir, "yarn-site.xml"));
            Assert.Contains(scheduler, site, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(confDir, "resource-types.xml")));

            var pidFile = Path.Combine(work, "child.pid");
            using (var http = RmHttp.Create(new Uri(rest)))
            {
                // The NodeManager writes the command inside exec /bin/bash -c "…", so the launch script's own bash would expand
                // an unescaped $! (to nothing): \$ leaves $! to the inner shell, as on a real cluster.
                await http.SubmitAsync(Submissions.Shell($"sleep 300 & echo \\$! > {pidFile}.tmp && mv {pidFile}.tmp {pidFile}; wait"));
            }

            // The AM script writes its child's pid once it runs; that moment is visible only as the file.
            await FileWaits.WaitForFileAsync(pidFile, Deadline);
            var pid = (await File.ReadAllTextAsync(pidFile)).Trim();
            Assert.True(IsAlive(pid), "the AM's child should run before SIGTERM");

            p.Terminate();

            Assert.Equal(0, await p.WaitForExitAsync(Deadline));
            Assert.Contains(p.Lines, l => l.StartsWith("stopping: killing every container", StringComparison.Ordinal));
            Assert.False(IsAlive(pid), $"the AM's child {pid} outlived the minicluster");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Node_labels_and_attributes_from_the_command_line_show_in_the_nodes_rest_view()
    {
        await using var p = Yarndl.Start("minicluster", "--nodes", "2", "--node-label", "0=gpu", "--node-attributes", "1=gpu-model,STRING,A100:os,STRING,debian12");
        var rest = (await p.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Deadline))["rm-rest: ".Length..];
        await p.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Deadline);

        using var http = RmHttp.Create(new Uri(rest));
        var (status, body, _) = await http.SendAsync(HttpMethod.Get, "/ws/v1/cluster/nodes");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var nodes = body!["nodes"]!["node"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.Single(nodes, n => n!["nodeLabels"]!.AsArray().Select(l => (string?)l).SequenceEqual(["gpu"]));
        var attributes = nodes.SelectMany(n => n!["nodeAttributesInfo"]!["nodeAttributeInfo"]?.AsArray() ?? []).Select(a => $"{a!["prefix"]}/{a["name"]}={a["value"]}").Order().ToList();
        Assert.Equal(["nm.yarn.io/gpu-model=A100", "nm.yarn.io/os=debian12"], attributes);
        p.Terminate();
        Assert.Equal(0, await p.WaitForExitAsync(Deadline));
    }

    [Theory]
    [InlineData("--node-attributes", "2=gpu-model,STRING,A100", "node 2")]
    [InlineData("--node-attributes", "0=gpu-model", "gpu-model")]
    [InlineData("--node-label", "gpu", "INDEX=VALUE")]
    public async Task A_bad_node_option_exits_2_naming_it(string option, string value, string named)
    {
        var outcome = await Yarndl.RunAsync(Deadline, "minicluster", "--nodes", "2", option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(named, outcome.Stderr, StringComparison.Ordinal);
    }

    private static bool IsAlive(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{int.Parse(pid, CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
