using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>Writes answers with the headers the real servers send: the NameNode's JSON as <c>application/json</c>, the
/// DataNode's errors as <c>application/json; charset=utf-8</c>, always with Content-Length (never chunked).</summary>
internal static class WebHdfsReply
{
    public const string NameNodeJson = "application/json";
    public const string DataNodeJson = "application/json; charset=utf-8";
    public const string OctetStream = "application/octet-stream";

    public static Task JsonAsync(HttpContext ctx, int status, JsonNode body, string contentType = NameNodeJson)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }

    public static Task ErrorAsync(HttpContext ctx, HdfsException e, string contentType = NameNodeJson) => JsonAsync(ctx, e.Status, new JsonObject
    {
        ["RemoteException"] = new JsonObject
        {
            ["exception"] = e.JavaClass[(e.JavaClass.LastIndexOf('.') + 1)..],
            ["javaClassName"] = e.JavaClass,
            ["message"] = e.Message,
        },
    }, contentType);

    public static Task EmptyAsync(HttpContext ctx, int status, string? location = null)
    {
        ctx.Response.StatusCode = status;
        if (location is not null)
        {
            ctx.Response.Headers.Location = location;
        }

        ctx.Response.ContentType = OctetStream;
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task BooleanAsync(HttpContext ctx, bool value) => JsonAsync(ctx, 200, new JsonObject { ["boolean"] = value });
}
