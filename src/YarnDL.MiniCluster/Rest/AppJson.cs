using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

/// <summary>AppInfo and AppAttemptInfo as RMWebServices renders them.</summary>
internal static class AppJson
{
    public static JsonObject Build(AppRecord a, RmView v, string rmAddress)
    {
        var live = v.Nodes.SelectMany(n => n.Containers).Where(c => c.AppId == a.Id).ToList();
        var used = live.Aggregate(Resource.Zero, (acc, c) => acc + c.Resource);
        var am = a.CurrentAttempt?.AmContainer;
        var now = v.Rm.Now;
        var o = new JsonObject
        {
            ["id"] = a.Id,
            ["user"] = a.User,
            ["name"] = a.Name,
            ["queue"] = a.Queue,
            ["state"] = a.PublicState,
            ["finalStatus"] = a.FinalStatus,
            ["progress"] = a.Progress * 100,
            ["trackingUI"] = a.IsTerminal ? "History" : a.CurrentAttempt is { Registered: true } ? "ApplicationMaster" : "UNASSIGNED",
            ["diagnostics"] = a.Diagnostics,
            ["clusterId"] = v.Rm.ClusterTimestamp,
            ["applicationType"] = a.ApplicationType,
            ["applicationTags"] = string.Join(',', a.Tags),
            ["priority"] = a.Priority,
            ["startedTime"] = a.SubmitTime,
            ["launchTime"] = a.LaunchTime,
            ["finishedTime"] = a.FinishTime,
            ["elapsedTime"] = (a.FinishTime == 0 ? now : a.FinishTime) - a.SubmitTime,
            ["allocatedMB"] = a.IsTerminal ? -1 : used.MemoryMb,
            ["allocatedVCores"] = a.IsTerminal ? -1 : used.VCores,
            ["reservedMB"] = 0,
            ["reservedVCores"] = 0,
            ["runningContainers"] = a.IsTerminal ? -1 : live.Count,
            ["memorySeconds"] = 0,
            ["vcoreSeconds"] = 0,
            ["unmanagedApplication"] = a.UnmanagedAm,
            ["amNodeLabelExpression"] = a.AmLabel,
            ["appNodeLabelExpression"] = a.AppLabel,
            ["logAggregationStatus"] = a.LogAggregationStatus,
        };
        o["trackingUrl"] = a.TrackingUrl ?? $"http://{rmAddress}/proxy/{a.Id}/";
        if (am is not null)
        {
            o["amContainerLogs"] = $"http://{am.Node.HttpAddress}/node/containerlogs/{am.Id}/{a.User}";
            o["amHostHttpAddress"] = am.Node.HttpAddress;
            o["masterNodeId"] = am.Node.NodeId;
        }

        if (a.AmRpcAddress is not null) o["amRPCAddress"] = a.AmRpcAddress;
        return o;
    }

    public static JsonObject BuildAttempt(AppRecord a, AttemptRecord t) => new()
    {
        ["id"] = t.Number,
        ["appAttemptId"] = t.Id,
        ["startTime"] = t.StartTime,
        ["finishedTime"] = t.FinishTime,
        ["containerId"] = t.AmContainer?.Id ?? "",
        ["nodeHttpAddress"] = t.AmContainer?.Node.HttpAddress ?? "",
        ["nodeId"] = t.AmContainer?.Node.NodeId ?? "",
        ["logsLink"] = t.AmContainer is { } c ? $"http://{c.Node.HttpAddress}/node/containerlogs/{c.Id}/{a.User}" : "",
        ["blacklistedNodes"] = string.Join(',', t.Blacklist),
        ["nodesBlacklistedBySystem"] = "",
        ["appAttemptState"] = t.State,
    };
}
