using YarnDL.Spec.Model;

namespace YarnDL.Spec.Placement;

/// <summary>The node attributes a role's containers ask for: <c>placement.node-attributes</c> then the role's own, repeats dropped.</summary>
public static class RoleNodeAttributes
{
    /// <summary>Every expression of the role with its source path; items that do not parse are skipped (the validator reports them).</summary>
    public static IReadOnlyList<NodeAttributeSource> Of(JobSpec spec, string role)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new List<NodeAttributeSource>();
        Add(result, spec.Placement.NodeAttributes, "placement.node-attributes");
        if (spec.Roles.TryGetValue(role, out var r))
        {
            Add(result, r.NodeAttributes, $"roles.{role}.node-attributes");
        }

        return result;
    }

    /// <summary>True when the role's expressions use both <c>=</c> and <c>!=</c> (Hadoop then needs an AND of two constraints).</summary>
    public static bool MixesOperators(IEnumerable<NodeAttributeExpression> expressions) =>
        expressions.Select(e => e.Op).Distinct().Count() > 1;

    private static void Add(List<NodeAttributeSource> into, List<string> items, string path)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (NodeAttributeExpression.TryParse(items[i], out var e, out _) && !into.Any(s => s.Expression == e))
            {
                into.Add(new NodeAttributeSource(e!, $"{path}[{i}]"));
            }
        }
    }
}
