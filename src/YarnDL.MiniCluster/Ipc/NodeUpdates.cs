using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>
/// Hadoop's updated_nodes: each attempt hears about a node once its state changes (lost, unhealthy …) after the attempt
/// first saw it, about every node that re-registers with a restarted RM (usable again, with its capability), and about a
/// node that joins the cluster for the first time (RMNodeImpl's add transition sends NODE_USABLE, which NodesListManager
/// hands to every running application); the first heartbeat only records the starting states. Each report is built as
/// DefaultAMSProcessor builds it: the node's state, addresses, used and total resources, container count, health, labels
/// and the update type (NODE_USABLE, NODE_UNUSABLE or NODE_DECOMMISSIONING), without node attributes or utilisation.
/// </summary>
internal sealed class NodeUpdates(RmCore rm)
{
    private readonly Dictionary<string, Dictionary<string, (string State, int Registrations)>> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<NodeReportProto> Changed(string attemptId)
    {
        var reports = new List<NodeReportProto>();
        rm.Read(v =>
        {
            lock (_seen)
            {
                var first = !_seen.TryGetValue(attemptId, out var known);
                known ??= _seen[attemptId] = new Dictionary<string, (string State, int Registrations)>(StringComparer.Ordinal);
                foreach (var node in v.Nodes)
                {
                    var had = known.TryGetValue(node.NodeId, out var old);
                    known[node.NodeId] = (node.State, node.Registrations);
                    if (first || (had && old == (node.State, node.Registrations))) continue;
                    var report = new NodeReportProto
                    {
                        NodeId = NodeId.Parse(node.NodeId).ToProto(),
                        HttpAddress = node.HttpAddress,
                        RackName = "/default-rack",
                        Used = ProtoMap.Resource(node.Used),
                        Capability = ProtoMap.Resource(node.Total),
                        NumContainers = node.Containers.Count,
                        NodeState = node.State switch
                        {
                            "RUNNING" => NodeStateProto.NsRunning,
                            "LOST" => NodeStateProto.NsLost,
                            "UNHEALTHY" => NodeStateProto.NsUnhealthy,
                            "DECOMMISSIONED" => NodeStateProto.NsDecommissioned,
                            "SHUTDOWN" => NodeStateProto.NsShutdown,
                            _ => NodeStateProto.NsNew,
                        },
                        HealthReport = "",
                        LastHealthReportTime = node.LastHealthUpdate,
                        NodeUpdateType = UpdateType(node.State),
                    };
                    if (node.Label.Length > 0) report.NodeLabels.Add(node.Label);
                    reports.Add(report);
                }
            }

            return 0;
        });
        return reports;
    }

    /// <summary>RMAppNodeUpdateType as NodesListManager sends it for a node in <paramref name="state"/>.</summary>
    private static NodeUpdateTypeProto UpdateType(string state) => state switch
    {
        "RUNNING" => NodeUpdateTypeProto.NodeUsable,
        "DECOMMISSIONING" => NodeUpdateTypeProto.NodeDecommissioning,
        _ => NodeUpdateTypeProto.NodeUnusable,
    };
}
