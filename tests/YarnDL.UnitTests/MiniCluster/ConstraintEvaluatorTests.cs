using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager.Constraints;
using CompositeType = YarnDL.Hadoop.Protos.Yarn.CompositePlacementConstraintProto.Types.CompositeType;
using TargetType = YarnDL.Hadoop.Protos.Yarn.PlacementConstraintTargetProto.Types.TargetType;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>The MiniCluster's placement-constraint evaluation against Hadoop's rules (PlacementConstraintsUtil, 3.2+).</summary>
public sealed class ConstraintEvaluatorTests
{
    private static NodeRecord Node(string label = "", params NodeAttribute[] attributes) =>
        new() { Host = "h", RpcPort = 1, HttpPort = 2, Total = new Resource(8192, 8, 0), LocalDir = "", LogDir = "", Label = label, Attributes = attributes };

    private static readonly NodeRecord A100 = Node("", new NodeAttribute("nm.yarn.io", "gpu-model", "A100"), new NodeAttribute("rm.yarn.io", "java", "1.8"));
    private static readonly NodeRecord Bare = Node();

    private static PlacementConstraintTargetProto Attr(string key, params string[] values) => new() { TargetType = TargetType.NodeAttribute, TargetKey = key, TargetValues = { values } };

    private static PlacementConstraintProto Single(NodeAttributeOpCodeProto? op, int min, int max, params PlacementConstraintTargetProto[] targets)
    {
        var c = new SimplePlacementConstraintProto { Scope = "node", MinCardinality = min, MaxCardinality = max, TargetExpressions = { targets } };
        if (op is { } o) c.AttributeOpCode = o;
        return new PlacementConstraintProto { SimpleConstraint = c };
    }

    private static PlacementConstraintProto Eq(params PlacementConstraintTargetProto[] t) => Single(NodeAttributeOpCodeProto.Eq, -1, -1, t);

    private static PlacementConstraintProto Ne(params PlacementConstraintTargetProto[] t) => Single(NodeAttributeOpCodeProto.Ne, -1, -1, t);

    private static PlacementConstraintProto Composite(CompositeType type, params PlacementConstraintProto[] children) =>
        new() { CompositeConstraint = new CompositePlacementConstraintProto { CompositeType = type, ChildConstraints = { children } } };

    private static bool Satisfied(PlacementConstraintProto c, NodeRecord n, Func<string, long>? tags = null) =>
        ConstraintEvaluator.IsSatisfied(c, n, tags ?? (_ => 0));

    [Fact]
    public void Eq_needs_the_attribute_with_that_value()
    {
        Assert.True(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "A100")), A100));
        Assert.False(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "V100")), A100));
        Assert.False(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "A100")), Bare)); // missing attribute: EQ is not satisfied
    }

    [Fact]
    public void Ne_is_satisfied_by_another_value_or_a_missing_attribute()
    {
        Assert.False(Satisfied(Ne(Attr("nm.yarn.io/gpu-model", "A100")), A100));
        Assert.True(Satisfied(Ne(Attr("nm.yarn.io/gpu-model", "V100")), A100));
        Assert.True(Satisfied(Ne(Attr("nm.yarn.io/gpu-model", "A100")), Bare));
    }

    [Fact]
    public void A_key_without_prefix_is_a_centralized_rm_yarn_io_attribute()
    {
        Assert.True(Satisfied(Eq(Attr("java", "1.8")), A100));
        Assert.False(Satisfied(Eq(Attr("gpu-model", "A100")), A100)); // the node's gpu-model is nm.yarn.io, not rm.yarn.io
        Assert.Equal(("rm.yarn.io", "java"), ConstraintEvaluator.SplitKey("java"));
        Assert.Equal(("nm.yarn.io", "gpu-model"), ConstraintEvaluator.SplitKey("nm.yarn.io/gpu-model"));
    }

    [Fact]
    public void Only_the_first_value_of_an_attribute_target_counts()
    {
        Assert.False(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "V100", "A100")), A100));
        Assert.True(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "A100", "V100")), A100));
    }

    [Fact]
    public void Every_target_of_a_single_constraint_is_needed_and_the_operator_applies_to_each()
    {
        Assert.True(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "A100"), Attr("java", "1.8")), A100));
        Assert.False(Satisfied(Eq(Attr("nm.yarn.io/gpu-model", "A100"), Attr("java", "11")), A100));
        Assert.True(Satisfied(Ne(Attr("rm.yarn.io/os", "centos6"), Attr("rm.yarn.io/os", "centos7")), A100));
    }

    [Fact]
    public void A_missing_operator_is_NO_OP_and_never_matches_an_attribute()
    {
        Assert.False(Satisfied(Single(null, -1, -1, Attr("nm.yarn.io/gpu-model", "A100")), A100));
        Assert.False(Satisfied(Single(NodeAttributeOpCodeProto.NoOp, -1, -1, Attr("nm.yarn.io/gpu-model", "A100")), A100));
    }

    [Fact]
    public void And_needs_every_child_and_Or_any()
    {
        var eq = Eq(Attr("nm.yarn.io/gpu-model", "A100"));
        var ne = Ne(Attr("java", "1.8"));

        Assert.False(Satisfied(Composite(CompositeType.And, eq, ne), A100));
        Assert.True(Satisfied(Composite(CompositeType.Or, eq, ne), A100));
        Assert.True(Satisfied(Composite(CompositeType.Or, eq, ne), Bare)); // java missing: != holds
        Assert.False(Satisfied(Composite(CompositeType.And, eq, ne), Bare));
    }

    [Fact]
    public void A_partition_target_compares_the_node_label_and_no_value_means_unlabelled()
    {
        var gpuNode = Node("gpu");

        Assert.True(Satisfied(Eq(Attr(ConstraintEvaluator.NodePartitionKey, "gpu")), gpuNode));
        Assert.False(Satisfied(Eq(Attr(ConstraintEvaluator.NodePartitionKey, "gpu")), Bare));
        Assert.True(Satisfied(Single(null, 0, 0, Attr(ConstraintEvaluator.NodePartitionKey)), Bare));
        Assert.False(Satisfied(Single(null, 0, 0, Attr(ConstraintEvaluator.NodePartitionKey)), gpuNode));
        // The operator does not apply to the partition: NE still means "in this partition".
        Assert.True(Satisfied(Ne(Attr(ConstraintEvaluator.NodePartitionKey, "gpu")), gpuNode));
    }

    [Fact]
    public void Allocation_tags_are_a_cardinality_check_next_to_the_attributes()
    {
        var antiAffine = Single(NodeAttributeOpCodeProto.Eq, 0, 0,
            new PlacementConstraintTargetProto { TargetType = TargetType.AllocationTag, TargetValues = { "w" } }, Attr("nm.yarn.io/gpu-model", "A100"));

        Assert.True(Satisfied(antiAffine, A100, _ => 0));
        Assert.False(Satisfied(antiAffine, A100, t => t == "w" ? 1 : 0));
        Assert.False(Satisfied(antiAffine, Bare, _ => 0));

        var atLeastTwo = Single(null, 2, int.MaxValue, new PlacementConstraintTargetProto { TargetType = TargetType.AllocationTag, TargetValues = { "a", "b" } });
        Assert.False(Satisfied(atLeastTwo, Bare, t => t == "a" ? 3 : 1)); // the smallest count is compared with the minimum
        Assert.True(Satisfied(atLeastTwo, Bare, _ => 2));
    }

    [Fact]
    public void No_constraint_is_always_satisfied() => Assert.True(ConstraintEvaluator.IsSatisfied(null, Bare, _ => 5));
}
