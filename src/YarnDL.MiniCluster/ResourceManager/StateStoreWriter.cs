using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>Writes the RM's application state to <c>&lt;work&gt;/rmstore</c>, as the FileSystemRMStateStore would before a restart.</summary>
internal static class StateStoreWriter
{
    public static void Write(string storeDir, RmView view, int epoch)
    {
        Directory.CreateDirectory(storeDir);
        var apps = new JsonArray([.. view.Apps.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["user"] = a.User,
            ["queue"] = a.Queue,
            ["state"] = a.State,
            ["finalStatus"] = a.FinalStatus,
            ["submitTime"] = a.SubmitTime,
            ["submission"] = a.SubmissionJson,
            ["attempts"] = new JsonArray([.. a.Attempts.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["state"] = t.State,
                ["amContainer"] = t.AmContainer?.Id,
            })]),
        })]);
        var containers = new JsonArray([.. view.Nodes.SelectMany(n => n.Containers).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["node"] = c.Node.NodeId, ["state"] = c.State,
        })]);
        var doc = new JsonObject { ["epoch"] = epoch, ["apps"] = apps, ["liveContainers"] = containers };
        var tmp = Path.Combine(storeDir, "state.json.tmp");
        File.WriteAllText(tmp, doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.Move(tmp, Path.Combine(storeDir, "state.json"), overwrite: true);
    }
}
