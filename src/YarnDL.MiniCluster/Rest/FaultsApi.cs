using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

/// <summary>Fault injection under /ws/v1/minicluster/faults (not part of Hadoop).</summary>
internal static class FaultsApi
{
    public static void Map(IEndpointRouteBuilder app, RmCore rm, Action failover, Action restart, Action<string> restartNm)
    {
        app.MapPost("/ws/v1/minicluster/faults/kill-container", async (HttpContext ctx) =>
        {
            rm.FaultKillContainer(Required(await BodyAsync(ctx).ConfigureAwait(false), "container"));
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/kill-am", async (HttpContext ctx) =>
        {
            rm.FaultKillAm(Required(await BodyAsync(ctx).ConfigureAwait(false), "application"));
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/lose-node", async (HttpContext ctx) =>
        {
            rm.FaultLoseNode(Required(await BodyAsync(ctx).ConfigureAwait(false), "node"));
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/preempt", async (HttpContext ctx) =>
        {
            var body = await BodyAsync(ctx).ConfigureAwait(false);
            var count = body["containers"]?.GetValue<int>() ?? 1;
            if (count < 1) throw RmRequestException.BadRequest("containers must be at least 1");
            var ids = rm.FaultPreempt(Required(body, "application"), count);
            return RmRestApi.Json(new JsonObject { ["containers"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) });
        });
        app.MapPost("/ws/v1/minicluster/faults/rm-restart", () =>
        {
            restart();
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/nm-restart", async (HttpContext ctx) =>
        {
            var node = Required(await BodyAsync(ctx).ConfigureAwait(false), "node");
            if (rm.Read(v => v.Nodes.All(n => n.NodeId != node))) throw RmRequestException.NotFound($"nodeId, {node}, is not found");
            restartNm(node);
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/amrm-token-roll", () =>
        {
            rm.AmRmTokens.Roll();
            return Ok();
        });
        app.MapPost("/ws/v1/minicluster/faults/rm-failover", () =>
        {
            failover();
            return Ok();
        });
    }

    private static IResult Ok() => RmRestApi.Json(new JsonObject { ["boolean"] = true });

    private static async Task<JsonObject> BodyAsync(HttpContext ctx)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false)
                ?? throw RmRequestException.BadRequest("empty body");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw RmRequestException.BadRequest("javax.xml.bind.UnmarshalException: " + ex.Message);
        }
    }

    private static string Required(JsonObject body, string key) =>
        body[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s : throw RmRequestException.BadRequest($"'{key}' is required");
}
