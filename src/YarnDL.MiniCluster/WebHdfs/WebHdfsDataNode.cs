using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>The DataNode half of WebHDFS (WebHdfsHandler) on its own port: CREATE makes the file when the request
/// arrives (refusals come before the body is read, with <c>Connection: close</c>) and streams the body into it without
/// a size limit, answering 201 with <c>Location: hdfs://NAMENODE/path</c>; OPEN honours offset and length.</summary>
internal sealed class WebHdfsDataNode(HdfsNamespace fs, WebHdfsOptions options)
{
    public void Map(IEndpointRouteBuilder app) =>
        app.Map(WebHdfsRequest.Prefix + "/{**path}", async ctx =>
        {
            try
            {
                var r = WebHdfsRequest.Parse(ctx, options.StaticUser);
                var nn = r.Get("namenoderpcaddress") is { Length: > 0 } a ? a
                    : throw HdfsException.BadParameter("namenoderpcaddress", "Namenode RPC address is not specified.");
                switch (ctx.Request.Method, r.Op)
                {
                    case ("PUT", "CREATE"):
                        await CreateAsync(ctx, r, nn).ConfigureAwait(false);
                        break;
                    case ("GET", "OPEN"):
                        await OpenAsync(ctx, r).ConfigureAwait(false);
                        break;
                    default:
                        throw HdfsException.BadParameter("op", $"Invalid operation {ctx.Request.Method} {r.Op}");
                }
            }
            catch (HdfsException e)
            {
                ctx.Response.Headers.Connection = "close";
                await WebHdfsReply.ErrorAsync(ctx, e, WebHdfsReply.DataNodeJson).ConfigureAwait(false);
            }
        });

    private async Task CreateAsync(HttpContext ctx, WebHdfsRequest r, string nn)
    {
        var mode = r.Permission("644");
        var flags = (r.Get("createflag") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var overwrite = r.Flag("overwrite", false) || flags.Contains("OVERWRITE", StringComparer.OrdinalIgnoreCase);
        var client = ctx.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1";
        await using (var file = fs.Create(r.User, r.Path, mode, overwrite, r.Flag("createparent", true), client))
        {
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null; // a DataNode takes blocks of any size
            }

            await ctx.Request.Body.CopyToAsync(file, 1 << 20, ctx.RequestAborted).ConfigureAwait(false);
        }

        ctx.Response.Headers.AccessControlAllowOrigin = "*";
        ctx.Response.Headers.Connection = "close"; // the DataNode ends every WebHDFS connection after its answer
        await WebHdfsReply.EmptyAsync(ctx, 201, $"hdfs://{nn}{WebHdfsNameNode.EncodePath(r.Path)}").ConfigureAwait(false);
        ctx.Response.ContentType = null;
    }

    private async Task OpenAsync(HttpContext ctx, WebHdfsRequest r)
    {
        var offset = r.Long("offset") ?? 0;
        var length = r.Long("length");
        var size = fs.OpenCheck(r.User, r.Path, $"File does not exist: {r.Path}");
        if (fs.Find(r.Path) is { IsDirectory: true })
        {
            throw HdfsException.NotFound($"Path is not a file: {r.Path}");
        }

        var count = Math.Max(0, size - offset);
        if (length is { } l)
        {
            count = Math.Min(count, l);
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = WebHdfsReply.OctetStream;
        ctx.Response.Headers.Connection = "close";
        ctx.Response.Headers.AccessControlAllowMethods = "GET";
        ctx.Response.Headers.AccessControlAllowOrigin = "*";
        ctx.Response.ContentLength = count;
        await using var stream = new FileStream(fs.LocalPath(r.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        for (var left = count; left > 0;)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ctx.RequestAborted).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, n), ctx.RequestAborted).ConfigureAwait(false);
            left -= n;
        }
    }
}
