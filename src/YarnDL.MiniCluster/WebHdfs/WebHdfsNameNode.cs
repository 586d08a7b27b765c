using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>The NameNode half of WebHDFS (NamenodeWebHdfsMethods): metadata operations answer here; CREATE and OPEN always
/// redirect to the DataNode (307, or 200 <c>{"Location":…}</c> with <c>noredirect=true</c>), which does the checks that
/// need the file.</summary>
internal sealed class WebHdfsNameNode(HdfsNamespace fs, WebHdfsOptions options, Func<string> dataNodeAuthority, Func<string> rpcAddress)
{
    public void Map(IEndpointRouteBuilder app) =>
        app.Map(WebHdfsRequest.Prefix + "/{**path}", async ctx =>
        {
            try
            {
                await HandleAsync(ctx, WebHdfsRequest.Parse(ctx, options.StaticUser)).ConfigureAwait(false);
            }
            catch (HdfsException e)
            {
                await WebHdfsReply.ErrorAsync(ctx, e).ConfigureAwait(false);
            }
        });

    private async Task HandleAsync(HttpContext ctx, WebHdfsRequest r)
    {
        switch (ctx.Request.Method, r.Op)
        {
            case ("PUT", "MKDIRS"):
                await WebHdfsReply.BooleanAsync(ctx, fs.Mkdirs(r.User, r.Path, r.Permission("755"))).ConfigureAwait(false);
                break;
            case ("PUT", "CREATE"):
                await CreateAsync(ctx, r).ConfigureAwait(false);
                break;
            case ("PUT", "RENAME"):
                await RenameAsync(ctx, r).ConfigureAwait(false);
                break;
            case ("GET", "GETFILESTATUS"):
                var inode = fs.Status(r.User, r.Path, $"File does not exist: {r.Path}");
                await WebHdfsReply.JsonAsync(ctx, 200, new JsonObject { ["FileStatus"] = WebHdfsFileStatus.Of(fs, r.Path, inode, string.Empty) }).ConfigureAwait(false);
                break;
            case ("GET", "LISTSTATUS"):
                var items = fs.List(r.User, r.Path)
                    .Select(p => (JsonNode)WebHdfsFileStatus.Of(fs, p, fs.Find(p)!, p == r.Path ? string.Empty : p[(p.LastIndexOf('/') + 1)..]))
                    .ToArray();
                await WebHdfsReply.JsonAsync(ctx, 200, new JsonObject { ["FileStatuses"] = new JsonObject { ["FileStatus"] = new JsonArray(items) } }).ConfigureAwait(false);
                break;
            case ("GET", "OPEN"):
                await OpenAsync(ctx, r).ConfigureAwait(false);
                break;
            case ("DELETE", "DELETE"):
                await WebHdfsReply.BooleanAsync(ctx, fs.Delete(r.User, r.Path, r.Flag("recursive", false))).ConfigureAwait(false);
                break;
            default:
                throw HdfsException.BadParameter("op", $"No enum constant org.apache.hadoop.hdfs.web.resources.{MethodClass(ctx.Request.Method)}.Op.{r.Op}");
        }
    }

    private static string MethodClass(string method) => method switch
    {
        "PUT" => "PutOpParam",
        "POST" => "PostOpParam",
        "DELETE" => "DeleteOpParam",
        _ => "GetOpParam",
    };

    private async Task CreateAsync(HttpContext ctx, WebHdfsRequest r)
    {
        _ = r.Permission("644");
        var overwrite = r.Flag("overwrite", false);
        if (options.CreateLatency > TimeSpan.Zero)
        {
            await Task.Delay(options.CreateLatency, ctx.RequestAborted).ConfigureAwait(false);
        }

        // Param.toSortedString: parameters with a value, sorted by name, after op, the user and namenoderpcaddress.
        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["createflag"] = r.Get("createflag") ?? string.Empty,
            ["createparent"] = r.Flag("createparent", true) ? "true" : "false",
            ["overwrite"] = overwrite ? "true" : "false",
        };
        foreach (var name in new[] { "permission", "buffersize", "replication", "blocksize", "unmaskedpermission" })
        {
            if (r.Get(name) is { Length: > 0 } v)
            {
                extra[name] = v;
            }
        }

        await RedirectAsync(ctx, r, "CREATE", extra).ConfigureAwait(false);
    }

    private async Task OpenAsync(HttpContext ctx, WebHdfsRequest r)
    {
        var offset = r.Long("offset") ?? 0;
        var length = r.Long("length");
        if (length < 0)
        {
            throw HdfsException.BadParameter("length", $"Invalid parameter range: length = {length} < 0");
        }

        var inode = fs.Status(r.User, r.Path, $"File {r.Path} not found.");
        var len = inode.IsDirectory ? 0 : new FileInfo(fs.LocalPath(r.Path)).Length;
        if (offset < 0 || (offset >= len && len > 0))
        {
            throw HdfsException.Io($"Offset={offset} out of the range [0, {len}); OPEN, path={r.Path}");
        }

        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (length is { } l)
        {
            extra["length"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (r.Get("buffersize") is { Length: > 0 } b)
        {
            extra["buffersize"] = b;
        }

        await RedirectAsync(ctx, r, "OPEN", extra).ConfigureAwait(false);
    }

    private async Task RedirectAsync(HttpContext ctx, WebHdfsRequest r, string op, SortedDictionary<string, string> extra)
    {
        var query = $"op={op}&user.name={Uri.EscapeDataString(r.User)}&namenoderpcaddress={rpcAddress()}"
            + string.Concat(extra.Select(p => $"&{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var location = $"http://{dataNodeAuthority()}{WebHdfsRequest.Prefix}{EncodePath(r.Path)}?{query}";
        if (r.Flag("noredirect", false))
        {
            await WebHdfsReply.JsonAsync(ctx, 200, new JsonObject { ["Location"] = location }).ConfigureAwait(false);
            return;
        }

        await WebHdfsReply.EmptyAsync(ctx, 307, location).ConfigureAwait(false);
    }

    /// <summary>java.net.URI's multi-argument constructor quotes what is illegal in a path (a space, a percent sign).</summary>
    internal static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private async Task RenameAsync(HttpContext ctx, WebHdfsRequest r)
    {
        var destination = r.Get("destination");
        if (string.IsNullOrEmpty(destination) || !destination.StartsWith('/'))
        {
            throw HdfsException.BadParameter("destination", $"Invalid parameter value: destination = \"{destination}\" is not an absolute path.");
        }

        var dst = destination.Length > 1 ? destination.TrimEnd('/') : destination;
        var renameOptions = r.Get("renameoptions");
        if (string.IsNullOrEmpty(renameOptions))
        {
            await WebHdfsReply.BooleanAsync(ctx, fs.Rename(r.User, r.Path, dst)).ConfigureAwait(false);
            return;
        }

        fs.Rename2(r.User, r.Path, dst, renameOptions.Split(',').Any(o => o.Trim().Equals("OVERWRITE", StringComparison.OrdinalIgnoreCase)));
        await WebHdfsReply.EmptyAsync(ctx, 200).ConfigureAwait(false);
    }
}
