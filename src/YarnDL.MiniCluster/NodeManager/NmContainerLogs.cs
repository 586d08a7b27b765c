using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using YarnDL.Hadoop.Ids;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>
/// A container's log files as a NodeManager serves them while it has them (until log aggregation uploads and deletes them):
/// NMWebServices <c>GET /ws/v1/node/containerlogs/{containerid}/{filename}</c> (text/plain, wrapped in LogToolUtils' header
/// and NMWebServices' <c>End of LogType</c> footer; 400 for a malformed container id, 404 for an unknown file), and the web
/// UI's ContainerLogsPage at <c>/node/containerlogs/{container}/{user}</c> (every file) and <c>…/{user}/{file}</c> (one file).
/// </summary>
internal static class NmContainerLogs
{
    public static void Map(IEndpointRouteBuilder app, Func<NodeRecord> node)
    {
        app.MapGet("/ws/v1/node/containerlogs/{containerid}/{filename}", (string containerid, string filename) =>
        {
            if (!TryParse(containerid, out var id)) return Results.Text($"Invalid ContainerId: {containerid}", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            var path = LogFile(node(), id, filename);
            if (path is null) return Results.Text($"Cannot find this log on the local disk: {filename}", "text/plain", statusCode: StatusCodes.Status404NotFound);
            return Results.Bytes(Wrap(node(), id, filename, path), "text/plain; charset=utf-8");
        });
        app.MapGet("/node/containerlogs/{containerid}/{user}", (string containerid, string user) => Page(node(), containerid, user, null));
        app.MapGet("/node/containerlogs/{containerid}/{user}/{filename}", (string containerid, string user, string filename) => Page(node(), containerid, user, filename));
    }

    private static bool TryParse(string text, out ContainerId id)
    {
        try
        {
            id = ContainerId.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            id = default!;
            return false;
        }
    }

    private static string ContainerDir(NodeRecord node, ContainerId id) => Path.Combine(node.LogDir, id.AttemptId.ApplicationId.ToString(), id.ToString());

    private static string? LogFile(NodeRecord node, ContainerId id, string filename)
    {
        var name = Path.GetFileName(filename);
        var path = Path.Combine(ContainerDir(node, id), name);
        return name == filename && File.Exists(path) ? path : null;
    }

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>LogToolUtils.formatContainerLogHeader, the file, then the footer NMWebServices.getLogs appends.</summary>
    private static byte[] Wrap(NodeRecord node, ContainerId id, string filename, string path)
    {
        var contents = Read(path);
        var on = $"Container: {id} on {node.NodeId}";
        var modified = File.GetLastWriteTimeUtc(path).ToString("ddd MMM dd HH:mm:ss +0000 yyyy", CultureInfo.InvariantCulture);
        var header = $"{on}\nLogAggregationType: LOCAL\n{new string('=', on.Length)}\nLogType:{filename}\nLogLastModifiedTime:{modified}\nLogLength:{contents.Length}\nLogContents:\n";
        var end = $"End of LogType:{filename}";
        var footer = $"{end}.\n{new string('*', end.Length + 50)}\n\n";
        return [.. Encoding.UTF8.GetBytes(header), .. contents, .. Encoding.UTF8.GetBytes(footer)];
    }

    /// <summary>ContainerLogsPage: each file's name and length with its contents in a pre block (one file when named).</summary>
    private static IResult Page(NodeRecord node, string containerid, string user, string? filename)
    {
        if (!TryParse(containerid, out var id)) return Html(StatusCodes.Status400BadRequest, $"Invalid containerId {containerid}");
        var dir = ContainerDir(node, id);
        var files = filename is null
            ? (Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToList() : [])
            : LogFile(node, id, filename) is { } one ? [one] : [];
        if (files.Count == 0)
        {
            return Html(StatusCodes.Status404NotFound, filename is null
                ? $"Logs for {containerid} are not on this node: the container never ran here, or its logs were aggregated (yarndl logs reads those)"
                : $"Cannot find this log on the local disk: {filename}");
        }

        var body = new StringBuilder();
        foreach (var f in files)
        {
            var name = Path.GetFileName(f);
            var text = Encoding.UTF8.GetString(Read(f));
            body.Append("<p>Log Type: <a href=\"/node/containerlogs/").Append(WebUtility.HtmlEncode(containerid)).Append('/').Append(WebUtility.HtmlEncode(user)).Append('/')
                .Append(WebUtility.HtmlEncode(name)).Append("\">").Append(WebUtility.HtmlEncode(name)).Append("</a></p><p>Log Length: ")
                .Append(new FileInfo(f).Length.ToString(CultureInfo.InvariantCulture)).Append("</p><pre>").Append(WebUtility.HtmlEncode(text)).Append("</pre>");
        }

        return Html(StatusCodes.Status200OK, body.ToString());
    }

    private static IResult Html(int status, string body) =>
        Results.Content($"<!DOCTYPE html><html><head><title>Container logs</title></head><body>{body}</body></html>", "text/html; charset=utf-8", Encoding.UTF8, status);
}
