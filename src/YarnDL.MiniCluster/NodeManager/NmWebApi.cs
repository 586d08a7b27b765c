using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.Rest;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>The NM web service subset: node info, container logs and the GPU resource endpoint (Jersey-1 shape).</summary>
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

    private static JsonObject Gpu(NodeRecord n)
    {
        var gpus = Enumerable.Range(0, n.Total.Gpus).ToList();
        return new JsonObject
        {
            ["gpuDeviceInformation"] = new JsonObject
            {
                ["driverVersion"] = "minicluster",
                ["gpus"] = new JsonArray([.. gpus.Select(i => (JsonNode)new JsonObject
                {
                    ["productName"] = "MiniCluster virtual GPU",
                    ["uuid"] = $"GPU-minicluster-{n.RpcPort}-{i}",
                    ["minorNumber"] = i,
                })]),
            },
            ["totalGpuDevices"] = new JsonArray([.. gpus.Select(i => (JsonNode)new JsonObject { ["index"] = i, ["minorNumber"] = i })]),
            ["assignedGpuDevices"] = new JsonArray([.. n.AssignedGpus.OrderBy(kv => kv.Key).Select(kv => (JsonNode)new JsonObject
            {
                ["index"] = kv.Key, ["minorNumber"] = kv.Key, ["containerId"] = kv.Value,
            })]),
        };
    }
}
