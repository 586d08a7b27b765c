using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Nodes;

namespace YarnDL.Client.Submit;

/// <summary>The RUNNING nodes of <c>GET /ws/v1/cluster/nodes</c>, for checks that need more than cluster totals.</summary>
public sealed record ClusterNodes(IReadOnlyList<ClusterNode> Running)
{
    /// <summary>True when every running node came with <c>nodeAttributesInfo</c> (Hadoop 3.2+).</summary>
    public bool ReportNodeAttributes => Running.All(n => n.Attributes is not null);

    public static ClusterNodes From(IEnumerable<NodeReport> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return new ClusterNodes([.. nodes.Where(n => n.State == "RUNNING").Select(n => new ClusterNode(
            n.Id,
            n.NodeLabels?.FirstOrDefault() ?? string.Empty,
            n.NodeAttributesInfo is { } info
                ? (info.NodeAttributeInfo ?? []).GroupBy(a => $"{a.Prefix}/{a.Name}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)
                : null)
        {
            Capacity = n.TotalResource is { } t ? new NodeCapacity(t.Memory, t.VCores, t.Gpus ?? 0) : null,
        })]);
    }

    /// <summary>Reads the nodes, or null when the RM does not answer the nodes resource (the checks are then skipped).</summary>
    public static async Task<ClusterNodes?> TryGetAsync(IRmRestClient rm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rm);
        try
        {
            return From(await rm.GetNodesAsync("RUNNING", ct).ConfigureAwait(false));
        }
        catch (YarnRestException)
        {
            return null;
        }
    }
}
