using System.Text.Json.Nodes;
using YarnDL.IntegrationTests.MiniCluster;
using YarnDL.MiniCluster;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary><c>yarndl admin nodes</c> as a real process against a MiniCluster whose GPUs are partly in use: totals and use
/// from the RM's nodes endpoint, devices from each NM's GPU endpoint, which lists them (as a real NodeManager under the
/// DefaultContainerExecutor does) only as nvidia-smi reported them, without the containers holding them.</summary>
public sealed class AdminNodesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Nodes_show_used_and_free_gpus_and_each_device_the_node_manager_reports()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var id = await http.SubmitAsync(Submissions.Shell("sleep 300"));
        await cluster.WaitForAmRunningAsync(id, Deadline);
        cluster.RegisterApplicationMaster(id, "127.0.0.1", 0, null);
        var task = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, new Resource(1024, 1, 2), "*", 1)], [], [], []).Allocated.Single();
        cluster.Rm.StartContainer(id, task.Id, new LaunchSpec(["sleep 300"], new Dictionary<string, string>(), [], [], []));
        var busy = task.Node.NodeId;

        var json = await Yarndl.RunAsync(Deadline, "admin", "nodes", "--devices", "--json", "--rm", cluster.RmRestUri.AbsoluteUri);
        Assert.True(json.ExitCode == 0, json.Stdout + json.Stderr);
        var nodes = JsonNode.Parse(json.Stdout)!.AsArray();
        Assert.Equal(2, nodes.Count);
        var node = nodes.Single(n => n!["nodeId"]!.GetValue<string>() == busy)!;
        Assert.Equal(4, node["total"]!.GetValue<long>());
        Assert.Equal(2, node["used"]!.GetValue<long>());
        Assert.Equal(2, node["available"]!.GetValue<long>());
        var devices = node["devices"]!.AsArray();
        Assert.Equal([0, 1, 2, 3], devices.Select(d => d!["index"]!.GetValue<int>()));
        Assert.All(devices, d => Assert.Equal("MiniCluster virtual GPU", d!["productName"]!.GetValue<string>()));
        var idle = nodes.Single(n => n!["nodeId"]!.GetValue<string>() != busy)!;
        Assert.Equal(4, idle["available"]!.GetValue<long>());
        Assert.Equal(4, idle["devices"]!.AsArray().Count);

        var table = await Yarndl.RunAsync(Deadline, "admin", "nodes", "--devices", "--rm", cluster.RmRestUri.AbsoluteUri);
        Assert.True(table.ExitCode == 0, table.Stdout + table.Stderr);
        Assert.Contains("2 node(s), 8 GPU(s), 6 free", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(table.Stdout.Split('\n'), l => l.StartsWith(busy, StringComparison.Ordinal) && l.TrimEnd().EndsWith("#0 #1 #2 #3", StringComparison.Ordinal));
    }
}
