using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

/// <summary>The RM's /ws/v1/cluster resources.</summary>
internal static partial class RmRestApi
{
    public static void Map(IEndpointRouteBuilder app, RmCore rm, RmFront front)
    {
        var o = rm.Options;
        app.MapGet("/ws/v1/cluster/info", () => Json(new JsonObject { ["clusterInfo"] = ClusterInfo(rm, front) }));
        app.MapGet("/ws/v1/cluster", () => Json(new JsonObject { ["clusterInfo"] = ClusterInfo(rm, front) }));
        app.MapGet("/isActive", () => front.IsActive ? Results.Text("I am Active!") : Results.Text("I am not Active!", statusCode: 405));
        app.MapGet("/ws/v1/cluster/metrics", () => Json(new JsonObject { ["clusterMetrics"] = rm.Read(Metrics) }));
        app.MapPost("/ws/v1/cluster/apps/new-application", (HttpContext ctx) =>
        {
            RestMiddleware.WriteUser(ctx, o);
            var id = rm.NewApplicationId();
            return Json(new JsonObject { ["application-id"] = id, ["maximum-resource-capability"] = ResourceJson.Build(rm.MaximumAllocation) });
        });
        app.MapPost("/ws/v1/cluster/apps", async (HttpContext ctx) =>
        {
            var user = RestMiddleware.WriteUser(ctx, o);
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
            var s = SubmissionParser.Parse(body);
            rm.Submit(s, user);
            ctx.Response.Headers.Location = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.Path}/{s.ApplicationId}";
            return Results.StatusCode(202);
        });
        app.MapGet("/ws/v1/cluster/apps", (HttpContext ctx) => ListApps(rm, ctx.Request.Query, front));
        app.MapGet("/ws/v1/cluster/apps/{id}", (string id) =>
            Json(new JsonObject { ["app"] = rm.Read(v => AppJson.Build(v.Rm.GetAppLocked(id), v, Authority(front))) }));
        app.MapGet("/ws/v1/cluster/apps/{id}/appattempts", (string id) => Json(new JsonObject
        {
            ["appAttempts"] = new JsonObject
            {
                ["appAttempt"] = rm.Read(v =>
                {
                    var a = v.Rm.GetAppLocked(id);
                    return new JsonArray([.. a.Attempts.Select(t => (JsonNode)AppJson.BuildAttempt(a, t))]);
                }),
            },
        }));
        app.MapGet("/ws/v1/cluster/apps/{id}/state", (string id) =>
            Json(new JsonObject { ["state"] = rm.Read(v => v.Rm.GetAppLocked(id).State) }));
        app.MapPut("/ws/v1/cluster/apps/{id}/state", (Delegate)PutStateAsync);
        app.MapGet("/ws/v1/cluster/nodes", (HttpContext ctx) => ListNodes(rm, ctx.Request.Query["states"].ToString()));
        app.MapGet("/ws/v1/cluster/nodes/{nodeId}", (string nodeId) => Json(new JsonObject
        {
            ["node"] = rm.Read(v => NodeJson.Build(v.Nodes.FirstOrDefault(n => n.NodeId == nodeId)
                ?? throw RmRequestException.NotFound($"nodeId, {nodeId}, is not found"))),
        }));

        async Task<IResult> PutStateAsync(HttpContext ctx, string id)
        {
            var user = RestMiddleware.WriteUser(ctx, o);
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
            string target;
            string? diagnostics;
            try
            {
                var node = JsonNode.Parse(body);
                target = node?["state"]?.GetValue<string>() ?? "";
                diagnostics = node?["diagnostics"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                throw RmRequestException.BadRequest("javax.xml.bind.UnmarshalException: " + ex.Message);
            }

            var (current, allowed) = rm.Read(v =>
            {
                var app = v.Rm.GetAppLocked(id);
                return (app.State, AppAcls.MayModify(app, user, o));
            });
            if (target == current) return Json(new JsonObject { ["state"] = current });
            if (target != AppStates.Killed)
                throw RmRequestException.BadRequest("Only 'KILLED' is allowed as a target state.");
            // Hadoop answers an ACL refusal with a plain-text 403, not a RemoteException.
            if (!allowed) return Results.Text($"Unauthorized attempt to kill appid {id} by remote user {user}", "text/plain", statusCode: 403);
            var after = rm.Kill(id, diagnostics, user);
            if (after == AppStates.Killed) return Json(new JsonObject { ["state"] = after });
            ctx.Response.Headers.Location = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.Path}";
            return Json(new JsonObject { ["state"] = after }, 202);
        }
    }

    internal static string Authority(RmFront front) => new Uri(front.BaseUri).Authority;

    internal static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    private static JsonObject ClusterInfo(RmCore rm, RmFront front) => new()
    {
        ["id"] = rm.ClusterTimestamp,
        ["startedOn"] = rm.ClusterTimestamp,
        ["state"] = "STARTED",
        ["haState"] = front.IsActive ? "ACTIVE" : "STANDBY",
        ["rmStateStoreName"] = "org.apache.hadoop.yarn.server.resourcemanager.recovery.FileSystemRMStateStore",
        ["resourceManagerVersion"] = MiniClusterDefaults.HadoopVersion,
        ["resourceManagerBuildVersion"] = MiniClusterDefaults.HadoopVersion + " from yarndl-minicluster",
        ["resourceManagerVersionBuiltOn"] = "2024-10-09T14:57Z",
        ["hadoopVersion"] = MiniClusterDefaults.HadoopVersion,
        ["hadoopBuildVersion"] = MiniClusterDefaults.HadoopVersion + " from yarndl-minicluster",
        ["hadoopVersionBuiltOn"] = "2024-10-09T14:57Z",
        ["haZooKeeperConnectionState"] = "ResourceManager HA is not enabled.",
    };

    private static JsonObject Metrics(RmView v)
    {
        var live = v.Nodes.Where(n => n.State == "RUNNING").ToList();
        var total = live.Aggregate(Resource.Zero, (a, n) => a + n.Total);
        var used = live.Aggregate(Resource.Zero, (a, n) => a + n.Used);
        int Count(string s) => v.Apps.Count(a => a.PublicState == s);
        return new JsonObject
        {
            ["appsSubmitted"] = v.Apps.Count,
            ["appsCompleted"] = Count(AppStates.Finished) + Count(AppStates.Failed) + Count(AppStates.Killed),
            ["appsPending"] = Count(AppStates.Accepted),
            ["appsRunning"] = Count(AppStates.Running),
            ["appsFailed"] = Count(AppStates.Failed),
            ["appsKilled"] = Count(AppStates.Killed),
            ["reservedMB"] = 0, ["availableMB"] = total.MemoryMb - used.MemoryMb, ["allocatedMB"] = used.MemoryMb,
            ["reservedVirtualCores"] = 0, ["availableVirtualCores"] = total.VCores - used.VCores, ["allocatedVirtualCores"] = used.VCores,
            ["containersAllocated"] = live.Sum(n => n.Containers.Count), ["containersReserved"] = 0, ["containersPending"] = 0,
            ["totalMB"] = total.MemoryMb, ["totalVirtualCores"] = total.VCores,
            ["totalNodes"] = live.Count, ["lostNodes"] = v.Nodes.Count(n => n.State == "LOST"),
            ["unhealthyNodes"] = 0, ["decommissioningNodes"] = 0, ["decommissionedNodes"] = 0,
            ["rebootedNodes"] = 0, ["activeNodes"] = live.Count, ["shutdownNodes"] = 0,
            ["totalUsedResourcesAcrossPartition"] = ResourceJson.Build(used),
            ["totalClusterResourcesAcrossPartition"] = ResourceJson.Build(total),
        };
    }

    private static IResult ListNodes(RmCore rm, string states)
    {
        var wanted = states.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var nodes = rm.Read(v => v.Nodes.Where(n => wanted.Count == 0 || wanted.Contains(n.State)).Select(n => (JsonNode)NodeJson.Build(n)).ToList());
        return Json(new JsonObject { ["nodes"] = nodes.Count == 0 ? null : new JsonObject { ["node"] = new JsonArray([.. nodes]) } });
    }

    private static long ParseLimit(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0
            ? l : throw RmRequestException.BadRequest("limit value must be greater then 0");
}
