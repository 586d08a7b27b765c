using System.Net;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Http;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Rest;

/// <summary>The NM's GPU endpoint as a real 3.4.1 NodeManager under the DefaultContainerExecutor answers it (captured vector).</summary>
public sealed class NmGpuVectorTests
{
    [Fact]
    public async Task A_real_node_managers_gpu_resource_info_reads_with_its_gpus_under_gpu_device_information()
    {
        var vector = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Vectors", "hadoop-3.4.1", "nm-gpu-resource.json"));
        var h = new ScriptedHandler().On("nm1:8042", "/ws/v1/node/resources/", () => Json(HttpStatusCode.OK, vector));
        var client = new RmRestClient(new HttpClient(h), new RmClientOptions { Endpoints = [new Uri("http://rm1:8088")], RetryDelay = TimeSpan.Zero });

        var gpu = await client.GetNodeGpuInfoAsync("nm1:8042");

        Assert.Empty(gpu.TotalGpuDevices!);
        Assert.Empty(gpu.AssignedGpuDevices!);
        Assert.Equal("535.104.05", gpu.GpuDeviceInformation!.DriverVersion);
        var gpus = gpu.GpuDeviceInformation.Gpus!;
        Assert.Equal([0, 1, 2, 3], gpus.Select(g => g.MinorNumber));
        Assert.Equal("GPU-00000002-fake-4000-8000-000000000002", gpus[2].Uuid);
        Assert.All(gpus, g => Assert.Equal("NVIDIA A100-SXM4-40GB", g.ProductName));
        Assert.All(gpus, g => Assert.Equal(40960, g.GpuMemoryUsage!.TotalMemoryMiB));
    }
}
