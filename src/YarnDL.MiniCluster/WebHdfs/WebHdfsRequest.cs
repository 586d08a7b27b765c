using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>What both servers read from a request: the HDFS path (percent-decoded exactly once from the raw target, as
/// Jersey and Netty do; <c>+</c> stays <c>+</c>), the operation and the user.</summary>
internal sealed record WebHdfsRequest(string Path, string Op, string User, IQueryCollection Query)
{
    public const string Prefix = "/webhdfs/v1";

    public static WebHdfsRequest Parse(HttpContext ctx, string staticUser)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? string.Empty;
        var pathPart = raw.Split('?', 2)[0];
        var encoded = pathPart.StartsWith(Prefix, StringComparison.Ordinal) ? pathPart[Prefix.Length..] : pathPart;
        var path = Uri.UnescapeDataString(encoded);
        path = "/" + path.Trim('/');
        if (path.Split('/').Any(c => c is "." or ".." || c.Contains(':', StringComparison.Ordinal)) || path.Contains("//", StringComparison.Ordinal))
        {
            throw new HdfsException(400, "org.apache.hadoop.fs.InvalidPathException", $"Invalid path name Invalid file name: {path}");
        }

        var user = ctx.Request.Query["user.name"].ToString();
        return new WebHdfsRequest(path, ctx.Request.Query["op"].ToString().ToUpperInvariant(), user.Length > 0 ? user : staticUser, ctx.Request.Query);
    }

    public string? Get(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;

    public bool Flag(string name, bool fallback)
    {
        var text = Get(name);
        return text is null or "" ? fallback : bool.TryParse(text, out var b) ? b : throw HdfsException.BadParameter(name, $"Failed to parse \"{text}\" to Boolean.");
    }

    public long? Long(string name)
    {
        var text = Get(name);
        return text is null or "" or "null" ? null : long.TryParse(text, out var v) ? v : throw HdfsException.BadParameter(name, $"Failed to parse \"{text}\" as a radix-10 long integer.");
    }

    /// <summary>Octal permission as WebHDFS takes it (0–1777), or the default.</summary>
    public int Permission(string fallback)
    {
        var text = Get("permission");
        text = string.IsNullOrEmpty(text) ? fallback : text;
        if (text.Length is 0 or > 4 || text.Any(c => c is < '0' or > '7') || Convert.ToInt32(text, 8) > Convert.ToInt32("1777", 8))
        {
            throw HdfsException.BadParameter("permission", $"Invalid permission value: {text}");
        }

        return Convert.ToInt32(text, 8);
    }
}
