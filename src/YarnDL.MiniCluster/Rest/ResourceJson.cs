using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Rest;

/// <summary>ResourceInfo with its resourceInformations list (memory-mb, vcores, yarn.io/gpu).</summary>
internal static class ResourceJson
{
    public static JsonObject Build(Resource r) => new()
    {
        ["memory"] = r.MemoryMb,
        ["vCores"] = r.VCores,
        ["resourceInformations"] = new JsonObject
        {
            ["resourceInformation"] = new JsonArray(
                Info("memory-mb", "Mi", r.MemoryMb),
                Info("vcores", "", r.VCores),
                Info("yarn.io/gpu", "", r.Gpus)),
        },
    };

    private static JsonObject Info(string name, string units, long value) => new()
    {
        ["name"] = name,
        ["resourceType"] = "COUNTABLE",
        ["units"] = units,
        ["value"] = value,
        ["minimumAllocation"] = 0,
        ["maximumAllocation"] = long.MaxValue,
    };

    /// <summary>Reads a request ResourceInfo: memory / vCores plus any yarn.io/gpu entry.</summary>
    public static Resource Parse(JsonNode? node)
    {
        if (node is not JsonObject o) return Resource.Zero;
        var mem = o["memory"]?.GetValue<long>() ?? 0;
        var vcores = o["vCores"]?.GetValue<int>() ?? 0;
        var gpus = 0;
        if (o["resourceInformations"]?["resourceInformation"] is JsonArray infos)
        {
            foreach (var i in infos.OfType<JsonObject>())
            {
                if (i["name"]?.GetValue<string>() == "yarn.io/gpu") gpus = (int)(i["value"]?.GetValue<long>() ?? 0);
            }
        }

        return new Resource(mem, vcores, gpus);
    }
}
