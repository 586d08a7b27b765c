using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;

namespace YarnDL.Client.Submit;

/// <summary>
/// Node attributes against the running nodes. YARN never relaxes a placement constraint, so a role whose node attributes
/// no node of its partition satisfies would wait forever: each <c>=</c> must be met by some node (the message lists the values
/// the nodes have), and then all of a role's attributes together by one node.
/// </summary>
public static class NodeAttributePreflight
{
    private const int NodesShown = 5;

    /// <summary>True when some role asks for node attributes (only then are the nodes read).</summary>
    public static bool Uses(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Placement.NodeAttributes.Count > 0 || spec.Roles.Values.Any(r => r.NodeAttributes.Count > 0);
    }

    /// <summary>With <paramref name="locator"/> each problem starts with the <c>file:line:column</c> of the expression it is about.</summary>
    public static PreflightReport Check(JobSpec spec, ClusterNodes? nodes, SpecLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Uses(spec) || nodes is { Running.Count: 0 })
        {
            return PreflightReport.Empty;
        }

        if (nodes is null)
        {
            return new PreflightReport([], ["the RM's nodes (GET /ws/v1/cluster/nodes) could not be read, so node-attributes were not checked against them"]);
        }

        if (!nodes.ReportNodeAttributes)
        {
            return new PreflightReport([], ["the RM does not report node attributes (no nodeAttributesInfo in GET /ws/v1/cluster/nodes: Hadoop before 3.2), so node-attributes were not checked against the nodes"]);
        }

        var problems = new List<string>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var partition = InPartition(spec, nodes);
        var where = Where(spec);
        var equals = spec.Roles.Keys
            .SelectMany(r => RoleNodeAttributes.Of(spec, r).Select(a => (Role: r, Attribute: a)))
            .Where(x => x.Attribute.Expression.Op == NodeAttributeOp.Equal)
            .GroupBy(x => x.Attribute.Path, StringComparer.Ordinal);
        foreach (var group in equals)
        {
            var e = group.First().Attribute.Expression;
            if (partition.Any(n => e.IsSatisfiedBy(n.Attributes!.GetValueOrDefault(e.Key))))
            {
                continue;
            }

            var roles = group.Select(x => x.Role).ToList();
            failed.UnionWith(roles);
            var who = roles.Count == 1 ? $"role '{roles[0]}' needs" : $"roles {string.Join(", ", roles.Select(r => $"'{r}'"))} need";
            Add(problems, locator, group.Key,
                $"{who} node attribute {e}, but no running node {where} has it: {Describe(e.Key, partition, nodes, where)}; YARN would keep the containers pending forever");
        }

        foreach (var role in spec.Roles.Keys.Where(r => !failed.Contains(r)))
        {
            var all = RoleNodeAttributes.Of(spec, role);
            if (all.Count == 0 || Satisfying(spec, role, nodes) > 0)
            {
                continue;
            }

            var keys = all.Select(a => a.Expression.Key).Distinct(StringComparer.Ordinal).ToList();
            var shown = partition.Take(NodesShown).Select(n => $"{n.Id} " + string.Join(" ", keys.Select(k => $"{k}={n.Attributes!.GetValueOrDefault(k) ?? "(unset)"}")));
            Add(problems, locator, all[0].Path,
                $"no running node {where} satisfies all node attributes of role '{role}' together ({string.Join(", ", all.Select(a => a.Expression))}): " +
                $"{string.Join("; ", shown)}{(partition.Count > NodesShown ? $"; and {partition.Count - NodesShown} more" : string.Empty)}");
        }

        return problems.Count == 0 ? PreflightReport.Empty : new PreflightReport(problems, []);
    }

    /// <summary>Running nodes of the role's partition that satisfy every node attribute of the role (as the RM evaluates them).</summary>
    public static int Satisfying(JobSpec spec, string role, ClusterNodes nodes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(nodes);
        var all = RoleNodeAttributes.Of(spec, role);
        return InPartition(spec, nodes).Count(n => n.Attributes is { } have && all.All(a => a.Expression.IsSatisfiedBy(have.GetValueOrDefault(a.Expression.Key))));
    }

    private static List<ClusterNode> InPartition(JobSpec spec, ClusterNodes nodes)
    {
        var label = spec.Placement.NodeLabel ?? string.Empty;
        return [.. nodes.Running.Where(n => n.Partition == label)];
    }

    private static string Where(JobSpec spec) =>
        string.IsNullOrEmpty(spec.Placement.NodeLabel) ? "in the default partition" : $"in partition '{spec.Placement.NodeLabel}'";

    /// <summary>The values of <paramref name="key"/> the partition's nodes have, or the attributes they have when none has it.</summary>
    private static string Describe(string key, List<ClusterNode> partition, ClusterNodes nodes, string where)
    {
        if (partition.Count == 0)
        {
            return $"none of the {nodes.Running.Count} running node(s) is {where}";
        }

        var values = partition.GroupBy(n => n.Attributes!.GetValueOrDefault(key)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (values is [{ Key: null }])
        {
            var others = partition.SelectMany(n => n.Attributes!.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return $"none of its {partition.Count} node(s) has {key}" +
                (others.Count == 0 ? " (they have no node attributes)" : $" (their attributes: {string.Join(", ", others)})");
        }

        return $"{key} is " + string.Join(", ", values.Select(g => $"{g.Key ?? "unset"} on {g.Count()} node(s)"));
    }

    private static void Add(List<string> into, SpecLocator? locator, string path, string problem) =>
        into.Add(locator is null ? problem : $"{locator.Locate(path)}: {problem}");
}
