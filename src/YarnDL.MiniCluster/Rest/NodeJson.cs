using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Rest;

/// <summary>NodeInfo as RMWebServices renders it.</summary>
internal static class NodeJson
{
    public static JsonObject Build(NodeRecord n) => new()
    {
        ["id"] = n.NodeId,
        ["rack"] = "/default-rack",
        ["state"] = n.State,
        ["nodeHostName"] = n.Host,
        ["nodeHTTPAddress"] = n.State == "RUNNING" ? n.HttpAddress : "",
        ["lastHealthUpdate"] = n.LastHealthUpdate,
        ["version"] = MiniClusterDefaults.HadoopVersion,
        ["healthReport"] = "",
        ["numContainers"] = n.Containers.Count,
        ["usedMemoryMB"] = n.Used.MemoryMb,
        ["availMemoryMB"] = n.Available.MemoryMb,
        ["usedVirtualCores"] = n.Used.VCores,
        ["availableVirtualCores"] = n.Available.VCores,
        ["nodeLabels"] = n.Label.Length == 0 ? new JsonArray() : new JsonArray(n.Label),
        ["usedResource"] = ResourceJson.Build(n.Used),
        ["availableResource"] = ResourceJson.Build(n.Available),
        ["totalResource"] = ResourceJson.Build(n.Total),
        // NodeAttributesInfo (Hadoop 3.2+): always present, {} without attributes.
        ["nodeAttributesInfo"] = n.Attributes.Count == 0 ? new JsonObject() : new JsonObject
        {
            ["nodeAttributeInfo"] = new JsonArray([.. n.Attributes.Select(a => (JsonNode)new JsonObject
            {
                ["prefix"] = a.Prefix, ["name"] = a.Name, ["type"] = NodeAttribute.Type, ["value"] = a.Value,
            })]),
        },
    };
}
