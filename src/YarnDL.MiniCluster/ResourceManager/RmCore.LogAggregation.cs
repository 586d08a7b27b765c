using Microsoft.Extensions.Logging;
using YarnDL.MiniCluster.LogAggregation;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    /// <summary>
    /// Once an application has ended and none of its containers is left, each node that ran some uploads their logs
    /// (AppLogAggregatorImpl after APPLICATION_FINISHED) and the app report's logAggregationStatus goes NOT_START →
    /// RUNNING → SUCCEEDED (FAILED if a node could not write its file).
    /// </summary>
    private void AggregateLogsIfEnded(string appId)
    {
        AppRecord? app;
        List<NodeRecord> nodes;
        lock (_gate)
        {
            if (!Options.LogAggregation || !_apps.TryGetValue(appId, out app) || !app.IsTerminal || app.LogAggregationStatus != "NOT_START"
                || _nodes.Any(n => n.Containers.Any(c => c.AppId == appId)))
            {
                return;
            }

            app.LogAggregationStatus = "RUNNING";
            nodes = [.. _nodes];
        }

        var failed = false;
        foreach (var node in nodes)
        {
            try
            {
                NodeLogAggregator.Upload(node, app, _launcher.HdfsRoot, Options.RemoteAppLogDir);
            }
            catch (IOException e)
            {
                _log.LogWarning("log aggregation of {App} on {Node} failed: {Message}", appId, node.NodeId, e.Message);
                failed = true;
            }
        }

        lock (_gate) app.LogAggregationStatus = failed ? "FAILED" : "SUCCEEDED";
        Notify(appId);
    }
}
