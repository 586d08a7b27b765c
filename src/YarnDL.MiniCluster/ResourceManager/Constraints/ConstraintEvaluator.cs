using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.Model;
using TargetType = YarnDL.Hadoop.Protos.Yarn.PlacementConstraintTargetProto.Types.TargetType;
using CompositeType = YarnDL.Hadoop.Protos.Yarn.CompositePlacementConstraintProto.Types.CompositeType;

namespace YarnDL.MiniCluster.ResourceManager.Constraints;

/// <summary>
/// Whether a node satisfies a (decoded, node-scoped) placement constraint, as the RM's PlacementConstraintsUtil decides it (3.2+):
/// a SingleConstraint needs every target; ALLOCATION_TAG is a cardinality check on the node's tags, NODE_ATTRIBUTE keyed
/// yarn_node_partition/ compares the node's partition (no value = unlabelled), any other NODE_ATTRIBUTE compares the first value
/// with the node's attribute of that prefix/name by the constraint's operator (a missing attribute satisfies only NE);
/// AND needs every child, OR any.
/// </summary>
internal static class ConstraintEvaluator
{
    /// <summary>PlacementConstraints.NODE_PARTITION.</summary>
    public const string NodePartitionKey = "yarn_node_partition/";

    /// <param name="tagCount">Live containers of the application on <paramref name="node"/> carrying a tag.</param>
    public static bool IsSatisfied(PlacementConstraintProto? constraint, NodeRecord node, Func<string, long> tagCount)
    {
        if (constraint is null) return true;
        if (constraint.SimpleConstraint is { } single)
            return single.TargetExpressions.All(t => IsSatisfied(single, t, node, tagCount));
        var composite = constraint.CompositeConstraint!;
        return composite.CompositeType == CompositeType.Or
            ? composite.ChildConstraints.Any(c => IsSatisfied(c, node, tagCount))
            : composite.ChildConstraints.All(c => IsSatisfied(c, node, tagCount));
    }

    private static bool IsSatisfied(SimplePlacementConstraintProto c, PlacementConstraintTargetProto target, NodeRecord node, Func<string, long> tagCount)
    {
        if (target.TargetType == TargetType.AllocationTag)
            return CardinalityHolds(c.MinCardinality, c.MaxCardinality, [.. target.TargetValues.Select(tagCount)]);
        if (target.TargetKey == NodePartitionKey)
            return target.TargetValues.Count == 0 ? node.Label.Length == 0 : node.Label == target.TargetValues[0];

        var (prefix, name) = SplitKey(target.TargetKey);
        var wanted = target.TargetValues[0];
        var have = node.Attributes.FirstOrDefault(a => a.Prefix == prefix && a.Name == name);
        return c.AttributeOpCode switch
        {
            NodeAttributeOpCodeProto.Eq => have is not null && have.Value == wanted,
            NodeAttributeOpCodeProto.Ne => have is null || have.Value != wanted,
            _ => false,
        };
    }

    /// <summary>Minimum checked against the smallest count of the target's tags when above 0; maximum against the largest unless int.MaxValue.</summary>
    private static bool CardinalityHolds(int min, int max, IReadOnlyList<long> counts) =>
        (min <= 0 || counts.Min() >= min) && (max == int.MaxValue || counts.Max() <= max);

    /// <summary>"prefix/name"; a key without '/' is a centralized (rm.yarn.io) name. Splits like Java's String.split("/") (trailing empties dropped).</summary>
    internal static (string Prefix, string Name) SplitKey(string key)
    {
        var parts = key.Split('/').ToList();
        while (parts.Count > 1 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts.Count == 1 ? (NodeAttribute.CentralizedPrefix, key) : (parts[0], parts[1]);
    }
}
