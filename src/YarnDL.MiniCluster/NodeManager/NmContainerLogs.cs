using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using YarnDL.Hadoop.Ids;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>
/// NMWebServices <c>GET /ws/v1/node/containerlogs/{containerid}/{filename}</c>: a container's log file as text/plain
/// (400 for a malformed container id, 404 for an unknown file). Unlike a real NM (whose files move to log aggregation),
/// files stay readable after the container ends.
/// </summary>
internal static class NmContainerLogs
{
    public static void Map(IEndpointRouteBuilder app, Func<NodeRecord> node) =>
        app.MapGet("/ws/v1/node/containerlogs/{containerid}/{filename}", (string containerid, string filename) =>
        {
            ContainerId id;
            try
            {
                id = ContainerId.Parse(containerid);
            }
            catch (FormatException)
            {
                return Results.Text($"Invalid ContainerId: {containerid}", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            }

            var name = Path.GetFileName(filename);
            var path = Path.Combine(node().LogDir, id.AttemptId.ApplicationId.ToString(), id.ToString(), name);
            if (name != filename || !File.Exists(path))
            {
                return Results.Text($"Cannot find this log on the local disk: {filename}", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Results.Stream(stream, "text/plain; charset=utf-8");
        });
}
