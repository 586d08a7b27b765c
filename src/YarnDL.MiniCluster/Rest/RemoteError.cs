using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

/// <summary>Writes Hadoop's <c>{"RemoteException":{…}}</c> error body.</summary>
internal static class RemoteError
{
    public static Task WriteAsync(HttpContext ctx, RmRequestException ex)
    {
        ctx.Response.StatusCode = ex.HttpStatus;
        var body = new JsonObject
        {
            ["RemoteException"] = new JsonObject
            {
                ["exception"] = ex.ExceptionName,
                ["message"] = ex.Message,
                ["javaClassName"] = ex.JavaClassName,
            },
        };
        return WriteJsonAsync(ctx, body);
    }

    public static Task WriteJsonAsync(HttpContext ctx, JsonNode body)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }
}
