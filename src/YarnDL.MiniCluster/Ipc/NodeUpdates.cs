using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>
/// Hadoop's updated_nodes: each attempt hears about a node once its state changes (lost, unhealthy …) after the attempt
/// first saw it, and about every node that re-registers with a restarted RM (usable again, with its capability); the first
/// heartbeat only records the starting states.
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
                    if (first || (had && old == (node.State, node.Registrations)) || (!had && node.State == "RUNNING")) continue;
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
                    };
                    report.NodeAttributes.AddRange(node.Attributes.Select(ProtoMap.NodeAttribute));
                    reports.Add(report);
                }
            }

            return 0;
        });
        return reports;
    }
}
