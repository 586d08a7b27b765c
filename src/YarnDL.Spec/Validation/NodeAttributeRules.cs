using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;

namespace YarnDL.Spec.Validation;

/// <summary>
/// <c>placement.node-attributes</c> and <c>roles.&lt;name&gt;.node-attributes</c>: each item parses, and each role's combined list
/// can be asked for as Hadoop evaluates it (one operator per key, one <c>=</c> value per key, no mixed operators with a node label).
/// </summary>
internal static class NodeAttributeRules
{
    public delegate void Check(bool ok, string path, string problem);

    public static void Validate(JobSpec spec, Check check)
    {
        Items(spec.Placement.NodeAttributes, "placement.node-attributes", check);
        foreach (var (name, role) in spec.Roles)
        {
            Items(role.NodeAttributes, $"roles.{name}.node-attributes", check);
        }

        foreach (var name in spec.Roles.Keys)
        {
            var all = RoleNodeAttributes.Of(spec, name);
            for (var i = 0; i < all.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    Pair(name, all[j], all[i], check);
                }
            }

            if (spec.Placement.NodeLabel is { Length: > 0 } label && RoleNodeAttributes.MixesOperators(all.Select(a => a.Expression)))
            {
                var odd = all.First(a => a.Expression.Op != all[0].Expression.Op);
                check(false, odd.Path,
                    $"{odd.Path}: role '{name}' mixes '=' and '!=' node attributes ('{all[0].Expression}' and '{odd.Expression}') with placement.node-label '{label}': " +
                    "Hadoop then needs an AND of two placement constraints, and the CapacityScheduler reads the node partition only from a single " +
                    $"top-level constraint, so the containers would never be placed in '{label}' (allowed: one operator for all of a role's node attributes " +
                    "when node-label is set, e.g. only '=')");
            }
        }
    }

    private static void Items(List<string> items, string path, Check check)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var ok = NodeAttributeExpression.TryParse(items[i], out _, out var problem);
            check(ok, $"{path}[{i}]", $"{path}[{i}]: {problem}");
        }
    }

    private static void Pair(string role, NodeAttributeSource first, NodeAttributeSource second, Check check)
    {
        var (a, b) = (first.Expression, second.Expression);
        if (a.Key != b.Key)
        {
            return;
        }

        check(a.Op == b.Op, second.Path,
            $"{second.Path}: '{b}' conflicts with '{a}' ({first.Path}) in role '{role}': the same attribute with '=' and '!=' (allowed: one operator per attribute)");
        check(a.Op == NodeAttributeOp.NotEqual, second.Path,
            $"{second.Path}: '{b}' conflicts with '{a}' ({first.Path}) in role '{role}': a node has one value of {a.Key} (allowed: one '=' value per attribute)");
    }
}
