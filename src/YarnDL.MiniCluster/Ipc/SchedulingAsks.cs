using Google.Protobuf.Collections;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>SchedulingRequests as the RM's placement-constraint handlers take them: refused when the handler is disabled
/// (DisabledPlacementProcessor's YarnException); with the scheduler handler, node anti-affinity to the request's own tag.</summary>
internal static class SchedulingAsks
{
    private const string Pkg = "org.apache.hadoop.yarn.exceptions.";

    public static IEnumerable<ContainerAsk> Decode(string attemptId, RepeatedField<SchedulingRequestProto> requests, string handler)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        if (handler != "scheduler")
        {
            throw new RmRequestException(400, Pkg + "YarnException",
                $"Found non empty SchedulingRequest in AllocateRequest for application={attemptId}, but the configured yarn.resourcemanager.placement-constraints.handler cannot handle placement constraints. Rejecting this allocate operation");
        }

        return requests.Select(Decode).ToList();
    }

    private static ContainerAsk Decode(SchedulingRequestProto r)
    {
        var sizing = r.ResourceSizing ?? throw Invalid("a SchedulingRequest needs resourceSizing");
        string? tag = null;
        string? partition = null;
        if (r.PlacementConstraint is { } pc)
        {
            if (pc.SimpleConstraint is not { Scope: "node", MinCardinality: 0, MaxCardinality: 0 } simple)
                throw Unsupported();
            foreach (var t in simple.TargetExpressions)
            {
                if (t is { TargetType: PlacementConstraintTargetProto.Types.TargetType.AllocationTag, TargetValues: [var only] } && tag is null && r.AllocationTags.Contains(only))
                    tag = only;
                else if (t is { TargetType: PlacementConstraintTargetProto.Types.TargetType.NodeAttribute, TargetKey: NodePartitionKey, TargetValues: [var label] } && partition is null)
                    partition = label.Trim();
                else
                    throw Unsupported();
            }

            if (tag is null) throw Unsupported();
        }

        return new ContainerAsk(r.Priority?.Priority ?? 0, r.AllocationRequestId, ProtoMap.Resource(sizing.Resources),
            ContainerAsk.Any, sizing.NumAllocations, LabelExpression: partition is { Length: > 0 } ? partition : null, AntiAffinityTag: tag);
    }

    /// <summary>PlacementConstraints.NODE_PARTITION.</summary>
    private const string NodePartitionKey = "yarn_node_partition/";

    private static RmRequestException Unsupported() =>
        Invalid("the MiniCluster places only node anti-affinity to the request's own allocation tag, optionally in one partition (targetNotIn(NODE, allocationTag(t)[, nodePartition(p)]))");

    private static RmRequestException Invalid(string message) => new(400, Pkg + "SchedulerInvalidResoureRequestException", message);
}
