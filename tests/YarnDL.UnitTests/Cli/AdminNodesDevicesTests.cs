using System.Net;
using System.Text.Json;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

/// <summary><c>yarndl admin nodes --devices</c> against what a real 3.4.1 NodeManager serves: under the
/// DefaultContainerExecutor its GPUs are only under <c>gpuDeviceInformation.gpus</c> (the captured vector); under the
/// LinuxContainerExecutor its allocator lists them with the containers holding them.</summary>
public sealed class AdminNodesDevicesTests
{
    private static readonly string Vector = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "hadoop-3.4.1", "nm-gpu-resource.json"));

    private static CliFixture Cli(string nmJson) => new(new ScriptedHandler()
        .On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, SpecJson.NodeWithGpus))
        .On("nm1:8042", "/ws/v1/node/resources/", () => Json(HttpStatusCode.OK, nmJson)));

    [Fact]
    public async Task Under_the_default_container_executor_the_devices_come_from_nvidia_smis_list()
    {
        using var cli = Cli(Vector);

        var r = await cli.RunAsync("admin", "nodes", "--devices", "--json", "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var node = doc.RootElement[0];
        Assert.Equal("535.104.05", node.GetProperty("driverVersion").GetString());
        var devices = node.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], devices.Select(d => d.GetProperty("index").GetInt32()));
        Assert.Equal([0, 1, 2, 3], devices.Select(d => d.GetProperty("minorNumber").GetInt32()));
        Assert.All(devices, d => Assert.Equal("NVIDIA A100-SXM4-40GB", d.GetProperty("productName").GetString()));
        Assert.All(devices, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("containerId").ValueKind));
    }

    [Fact]
    public async Task The_table_lists_each_gpu_the_node_manager_reports()
    {
        using var cli = Cli(Vector);

        var r = await cli.RunAsync("admin", "nodes", "--devices", "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("nm1:8041", StringComparison.Ordinal) && l.TrimEnd().EndsWith("#0 #1 #2 #3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_the_linux_container_executor_the_allocators_devices_and_their_containers_are_shown()
    {
        using var cli = Cli(SpecJson.NmGpuJersey1);

        var r = await cli.RunAsync("admin", "nodes", "--devices", "--json", "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var devices = doc.RootElement[0].GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal([0, 1], devices.Select(d => d.GetProperty("index").GetInt32()));
        Assert.Equal("container_e05_1700000000000_0042_01_000002", devices[0].GetProperty("containerId").GetString());
        Assert.Equal("NVIDIA A100-SXM4-40GB", devices[0].GetProperty("productName").GetString());
    }
}
