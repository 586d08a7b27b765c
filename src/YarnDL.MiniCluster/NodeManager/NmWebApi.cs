using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.Rest;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>The NM web service subset: node info, container logs and the GPU resource endpoint.</summary>
internal static class NmWebApi
{
    public static void Map(IEndpointRouteBuilder app, RmCore rm, Func<NodeRecord> node)
    {
        NmContainerLogs.Map(app, node);
        app.MapGet("/ws/v1/node/resources/{name}", (string name) =>
        {
            if (Uri.UnescapeDataString(name) != "yarn.io/gpu") return RmRestApi.Json(new JsonObject());
            return RmRestApi.Json(rm.Read(_ => Gpu(node())));
        });
        app.MapGet("/ws/v1/node/info", () => RmRestApi.Json(new JsonObject
        {
            ["nodeInfo"] = rm.Read(_ => new JsonObject
            {
                ["id"] = node().NodeId,
                ["nodeHostName"] = node().Host,
                ["nodeManagerVersion"] = MiniClusterDefaults.HadoopVersion,
                ["hadoopVersion"] = MiniClusterDefaults.HadoopVersion,
                ["totalPmemAllocatedContainersMB"] = node().Total.MemoryMb,
                ["totalVCoresAllocatedContainers"] = node().Total.VCores,
                ["nodeHealthy"] = node().State == "RUNNING",
            }),
        }));
    }

    /// <summary>
    /// NMGpuResourceInfo as a 3.4.1 NodeManager under the DefaultContainerExecutor (which is how the MiniCluster runs
    /// containers) writes it: Jackson's bean names; the GPUs only under <c>gpuDeviceInformation.gpus</c> (what nvidia-smi
    /// reported, each with utilisation, frame-buffer memory and temperatures); <c>totalGpuDevices</c> and
    /// <c>assignedGpuDevices</c> empty, since only the LinuxContainerExecutor's GPU handler allocates devices to containers.
    /// </summary>
    private static JsonObject Gpu(NodeRecord n) => new()
    {
        ["gpuDeviceInformation"] = new JsonObject
        {
            ["gpus"] = new JsonArray([.. Enumerable.Range(0, n.Total.Gpus).Select(i => (JsonNode)new JsonObject
            {
                ["productName"] = "MiniCluster virtual GPU",
                ["uuid"] = $"GPU-minicluster-{n.RpcPort}-{i}",
                ["minorNumber"] = i,
                ["gpuUtilizations"] = new JsonObject { ["overallGpuUtilization"] = 0.0 },
                ["gpuMemoryUsage"] = new JsonObject { ["usedMemoryMiB"] = 0, ["availMemoryMiB"] = VirtualGpuMemoryMiB, ["totalMemoryMiB"] = VirtualGpuMemoryMiB },
                ["temperature"] = new JsonObject { ["currentGpuTemp"] = 30.0, ["maxGpuTemp"] = 92.0, ["slowThresholdGpuTemp"] = 89.0 },
            })]),
            ["driverVersion"] = "minicluster",
        },
        ["totalGpuDevices"] = new JsonArray(),
        ["assignedGpuDevices"] = new JsonArray(),
    };

    /// <summary>Frame-buffer memory the MiniCluster's virtual GPUs report.</summary>
    private const long VirtualGpuMemoryMiB = 16384;
}
