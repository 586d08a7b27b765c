using System.Text;
using Google.Protobuf;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Spec.Placement;
using TargetType = YarnDL.Hadoop.Protos.Yarn.PlacementConstraintTargetProto.Types.TargetType;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// Node attributes on the wire. Every expected constraint is written out by hand from Hadoop's PlacementConstraints
/// (targetNodeAttribute = scope node, cardinality -1/-1, attributeOpCode EQ/NE, NODE_ATTRIBUTE targets keyed prefix/name with one value;
/// targetNotIn(NODE, allocationTag(t)) = 0/0 with an ALLOCATION_TAG target; nodePartition(l) = NODE_ATTRIBUTE keyed yarn_node_partition/),
/// never produced by the encoder under test.
/// </summary>
public sealed class PlacementConstraintEncodingTests
{
    private const string Tag = "yarndl.main.worker";
    private static readonly AskKey Key = new(17, 17);
    private static readonly Capability Shape = new(2048, 2, 1);

    private static ResourceAsk Ask(string? label, bool antiAffinity, params string[] attributes) =>
        new(Key, Shape, 3, label, new ConstrainedPlacement(Tag, antiAffinity, [.. attributes.Select(NodeAttributeExpression.Parse)]));

    private static PlacementConstraintTargetProto Attr(string key, string value) => new() { TargetType = TargetType.NodeAttribute, TargetKey = key, TargetValues = { value } };

    private static PlacementConstraintTargetProto AllocationTag(string tag) => new() { TargetType = TargetType.AllocationTag, TargetValues = { tag } };

    private static SchedulingRequestProto Encode(ResourceAsk ask)
    {
        var call = AmProtoMapper.ToProto(new AllocateCall(0, 0f, [ask], [], [], []));
        Assert.Empty(call.Ask); // never a ResourceRequest: node attributes exist only in placement constraints
        var s = Assert.Single(call.SchedulingRequests);
        Assert.Equal([Tag], s.AllocationTags);
        Assert.Equal((17L, 17, 3), (s.AllocationRequestId, s.Priority.Priority, s.ResourceSizing.NumAllocations));
        Assert.Equal((ExecutionTypeProto.Guaranteed, true), (s.ExecutionType.ExecutionType, s.ExecutionType.EnforceExecutionType));
        return s;
    }

    [Fact]
    public void Equal_attributes_alone_are_one_targetNodeAttribute_constraint_and_the_request_keeps_its_tag()
    {
        var s = Encode(Ask(null, false, "nm.yarn.io/gpu-model=A100", "java=1.8"));

        var expected = new PlacementConstraintProto
        {
            SimpleConstraint = new SimplePlacementConstraintProto
            {
                Scope = "node",
                MinCardinality = -1,
                MaxCardinality = -1,
                AttributeOpCode = NodeAttributeOpCodeProto.Eq,
                TargetExpressions = { Attr("nm.yarn.io/gpu-model", "A100"), Attr("rm.yarn.io/java", "1.8") },
            },
        };
        Assert.Equal(expected, s.PlacementConstraint);
    }

    [Fact]
    public void Single_attribute_constraint_bytes_follow_the_field_numbers_of_spec_4_11()
    {
        var s = Encode(Ask(null, false, "nm.yarn.io/gpu-model=A100"));

        // SimplePlacementConstraintProto: 1 scope "node"; 2 target {1 NODE_ATTRIBUTE=1, 2 key, 3 value}; 3 min -1; 4 max -1; 5 EQ=2.
        // An int32 of -1 is a ten-byte varint.
        const string minusOne = "FFFFFFFFFFFFFFFFFF01";
        var target = "0801" + "1214" + Ascii("nm.yarn.io/gpu-model") + "1A04" + Ascii("A100");
        var expected = "0A04" + Ascii("node") + "121E" + target + "18" + minusOne + "20" + minusOne + "2802";
        Assert.Equal(expected, Convert.ToHexString(s.PlacementConstraint.SimpleConstraint.ToByteArray()));
        // PlacementConstraintProto field 1 = the simple constraint.
        Assert.StartsWith("0A", Convert.ToHexString(s.PlacementConstraint.ToByteArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Anti_affinity_label_and_not_equal_attributes_share_one_top_level_constraint()
    {
        var s = Encode(Ask("gpu", true, "rm.yarn.io/os!=centos7", "rm.yarn.io/os!=centos6"));

        var expected = new PlacementConstraintProto
        {
            SimpleConstraint = new SimplePlacementConstraintProto
            {
                Scope = "node",
                MinCardinality = 0,
                MaxCardinality = 0,
                AttributeOpCode = NodeAttributeOpCodeProto.Ne,
                TargetExpressions =
                {
                    AllocationTag(Tag),
                    Attr("yarn_node_partition/", "gpu"),
                    Attr("rm.yarn.io/os", "centos7"),
                    Attr("rm.yarn.io/os", "centos6"),
                },
            },
        };
        Assert.Equal(expected, s.PlacementConstraint);
    }

    [Fact]
    public void A_label_with_equal_attributes_stays_readable_as_the_request_partition()
    {
        var s = Encode(Ask("gpu", false, "nm.yarn.io/gpu-model=A100"));

        var expected = new SimplePlacementConstraintProto
        {
            Scope = "node",
            MinCardinality = -1,
            MaxCardinality = -1,
            AttributeOpCode = NodeAttributeOpCodeProto.Eq,
            TargetExpressions = { Attr("yarn_node_partition/", "gpu"), Attr("nm.yarn.io/gpu-model", "A100") },
        };
        Assert.Equal(expected, s.PlacementConstraint.SimpleConstraint);
        Assert.Null(s.PlacementConstraint.CompositeConstraint);
    }

    [Fact]
    public void Mixed_operators_with_anti_affinity_are_an_AND_of_the_anti_affinity_and_one_constraint_per_operator()
    {
        var s = Encode(Ask(null, true, "rm.yarn.io/os!=centos7", "nm.yarn.io/gpu-model=A100", "java=1.8"));

        var expected = new PlacementConstraintProto
        {
            CompositeConstraint = new CompositePlacementConstraintProto
            {
                CompositeType = CompositePlacementConstraintProto.Types.CompositeType.And,
                ChildConstraints =
                {
                    new PlacementConstraintProto
                    {
                        SimpleConstraint = new SimplePlacementConstraintProto { Scope = "node", MinCardinality = 0, MaxCardinality = 0, TargetExpressions = { AllocationTag(Tag) } },
                    },
                    new PlacementConstraintProto
                    {
                        SimpleConstraint = new SimplePlacementConstraintProto
                        {
                            Scope = "node", MinCardinality = -1, MaxCardinality = -1, AttributeOpCode = NodeAttributeOpCodeProto.Eq,
                            TargetExpressions = { Attr("nm.yarn.io/gpu-model", "A100"), Attr("rm.yarn.io/java", "1.8") },
                        },
                    },
                    new PlacementConstraintProto
                    {
                        SimpleConstraint = new SimplePlacementConstraintProto
                        {
                            Scope = "node", MinCardinality = -1, MaxCardinality = -1, AttributeOpCode = NodeAttributeOpCodeProto.Ne,
                            TargetExpressions = { Attr("rm.yarn.io/os", "centos7") },
                        },
                    },
                },
            },
        };
        Assert.Equal(expected, s.PlacementConstraint);
        var and = s.PlacementConstraint.CompositeConstraint;
        Assert.True(and.HasCompositeType);
        Assert.Empty(and.TimedChildConstraints);
    }

    [Fact]
    public void Mixed_operators_without_anti_affinity_or_label_are_an_AND_of_two_attribute_constraints()
    {
        var s = Encode(Ask(null, false, "nm.yarn.io/gpu-model=A100", "rm.yarn.io/os!=centos7"));

        var children = s.PlacementConstraint.CompositeConstraint.ChildConstraints.Select(c => c.SimpleConstraint).ToList();
        Assert.Equal(
            [
                new SimplePlacementConstraintProto { Scope = "node", MinCardinality = -1, MaxCardinality = -1, AttributeOpCode = NodeAttributeOpCodeProto.Eq, TargetExpressions = { Attr("nm.yarn.io/gpu-model", "A100") } },
                new SimplePlacementConstraintProto { Scope = "node", MinCardinality = -1, MaxCardinality = -1, AttributeOpCode = NodeAttributeOpCodeProto.Ne, TargetExpressions = { Attr("rm.yarn.io/os", "centos7") } },
            ],
            children);
    }

    [Fact]
    public void Anti_affinity_alone_keeps_its_old_shape_without_an_operator()
    {
        var s = Encode(Ask(null, true));

        var expected = new SimplePlacementConstraintProto { Scope = "node", MinCardinality = 0, MaxCardinality = 0, TargetExpressions = { AllocationTag(Tag) } };
        Assert.Equal(expected, s.PlacementConstraint.SimpleConstraint);
        Assert.False(s.PlacementConstraint.SimpleConstraint.HasAttributeOpCode);
    }

    [Fact]
    public void Every_scheduling_request_is_complete_for_protobuf_java()
    {
        var s = Encode(Ask("gpu", true, "nm.yarn.io/gpu-model=A100", "os!=centos7"));

        Assert.True(s.IsInitialized()); // scope, targetType and compositeType are proto2 'required'
    }

    private static string Ascii(string s) => Convert.ToHexString(Encoding.ASCII.GetBytes(s));
}
