using Google.Protobuf.Collections;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.Ipc;
using YarnDL.MiniCluster.ResourceManager;
using CompositeType = YarnDL.Hadoop.Protos.Yarn.CompositePlacementConstraintProto.Types.CompositeType;
using TargetType = YarnDL.Hadoop.Protos.Yarn.PlacementConstraintTargetProto.Types.TargetType;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>How the MiniCluster takes SchedulingRequests: any node-scoped shape, the partition only from a top-level SingleConstraint.</summary>
public sealed class SchedulingAsksTests
{
    private const string Attempt = "appattempt_1700000000000_0001_000001";

    private static PlacementConstraintTargetProto Partition(params string[] values) =>
        new() { TargetType = TargetType.NodeAttribute, TargetKey = "yarn_node_partition/", TargetValues = { values } };

    private static PlacementConstraintTargetProto Gpu() => new() { TargetType = TargetType.NodeAttribute, TargetKey = "nm.yarn.io/gpu-model", TargetValues = { "A100" } };

    private static SimplePlacementConstraintProto Single(string scope, params PlacementConstraintTargetProto[] t) =>
        new() { Scope = scope, MinCardinality = -1, MaxCardinality = -1, AttributeOpCode = NodeAttributeOpCodeProto.Eq, TargetExpressions = { t } };

    private static ContainerAsk Decode(PlacementConstraintProto pc, ExecutionTypeProto type = ExecutionTypeProto.Guaranteed)
    {
        var r = new SchedulingRequestProto
        {
            AllocationRequestId = 7,
            Priority = new PriorityProto { Priority = 3 },
            ExecutionType = new ExecutionTypeRequestProto { ExecutionType = type },
            AllocationTags = { "yarndl.main.worker" },
            ResourceSizing = new ResourceSizingProto { NumAllocations = 2, Resources = new ResourceProto { Memory = 1024, VirtualCores = 1 } },
            PlacementConstraint = pc,
        };
        return Assert.Single(SchedulingAsks.Decode(Attempt, new RepeatedField<SchedulingRequestProto> { r }, "scheduler"));
    }

    [Fact]
    public void A_top_level_single_constraint_names_the_partition_and_keeps_tags_and_constraint()
    {
        var pc = new PlacementConstraintProto { SimpleConstraint = Single("node", Partition("gpu"), Gpu()) };

        var ask = Decode(pc);

        Assert.Equal("gpu", ask.LabelExpression);
        Assert.Equal("gpu", ask.Placement!.Partition);
        Assert.Equal(["yarndl.main.worker"], ask.Placement.Tags);
        Assert.Same(pc, ask.Placement.Constraint);
        Assert.Equal((3, 7L, 2, "*"), (ask.Priority, ask.AllocationRequestId, ask.NumContainers, ask.ResourceName));
    }

    [Fact]
    public void Under_an_AND_the_partition_is_lost_and_the_request_stays_in_the_default_partition()
    {
        var pc = new PlacementConstraintProto
        {
            CompositeConstraint = new CompositePlacementConstraintProto
            {
                CompositeType = CompositeType.And,
                ChildConstraints = { new PlacementConstraintProto { SimpleConstraint = Single("node", Partition("gpu")) }, new PlacementConstraintProto { SimpleConstraint = Single("node", Gpu()) } },
            },
        };

        var ask = Decode(pc);

        Assert.Equal("", ask.Placement!.Partition);
        Assert.Null(ask.LabelExpression);
    }

    [Fact]
    public void Two_partitions_in_one_target_rack_scope_delayed_or_and_opportunistic_are_refused()
    {
        AssertRefused(new PlacementConstraintProto { SimpleConstraint = Single("node", Partition("gpu", "cpu")) }, "Inside one targetExpression, we only support affinity to at most one node partition now");
        AssertRefused(new PlacementConstraintProto { SimpleConstraint = Single("rack", Gpu()) }, "scope 'rack'");
        AssertRefused(new PlacementConstraintProto { CompositeConstraint = new CompositePlacementConstraintProto { CompositeType = CompositeType.DelayedOr } }, "DelayedOr");
        AssertRefused(new PlacementConstraintProto { SimpleConstraint = Single("node", Gpu()) }, "Only GUARANTEED execution type is supported.", ExecutionTypeProto.Opportunistic);
    }

    private static void AssertRefused(PlacementConstraintProto pc, string message, ExecutionTypeProto type = ExecutionTypeProto.Guaranteed)
    {
        var e = Assert.Throws<RmRequestException>(() => Decode(pc, type));
        Assert.Equal("org.apache.hadoop.yarn.exceptions.SchedulerInvalidResoureRequestException", e.JavaClassName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
