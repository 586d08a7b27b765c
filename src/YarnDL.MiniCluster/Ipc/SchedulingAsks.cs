using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.ResourceManager.Constraints;
using TargetType = YarnDL.Hadoop.Protos.Yarn.PlacementConstraintTargetProto.Types.TargetType;
using CompositeType = YarnDL.Hadoop.Protos.Yarn.CompositePlacementConstraintProto.Types.CompositeType;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>
/// SchedulingRequests as the RM's placement-constraint handlers take them: refused when the handler is disabled
/// (DisabledPlacementProcessor's YarnException); with the scheduler handler (SingleConstraintAppPlacementAllocator) any
/// node-scoped SingleConstraint / AND / OR over allocation tags, node partitions and node attributes, GUARANTEED only, the
/// request's partition read from a top-level SingleConstraint. RACK scope, DELAYED_OR and other tag namespaces are refused
/// (the MiniCluster does not place them).
/// </summary>
internal static class SchedulingAsks
{
    private const string Pkg = "org.apache.hadoop.yarn.exceptions.";

    /// <summary>Decodes the requests; <paramref name="appConstraint"/> gives the constraint the application registered for a
    /// request's single source tag (RegisterApplicationMasterRequest.placement_constraints), which is ANDed with the
    /// request's own as PlacementConstraintManager.getMultilevelConstraint does.</summary>
    public static IEnumerable<ContainerAsk> Decode(string attemptId, IReadOnlyList<SchedulingRequestProto> requests, string handler,
        Func<IReadOnlyList<string>, PlacementConstraintProto?>? appConstraint = null)
    {
        CheckHandler(attemptId, requests, handler);
        return requests.Select(r => Decode(attemptId, r, appConstraint)).ToList();
    }

    /// <summary>The placement processor's refusal of any SchedulingRequest when the handler is not <c>scheduler</c>.</summary>
    public static void CheckHandler(string attemptId, IReadOnlyList<SchedulingRequestProto> requests, string handler)
    {
        if (requests.Count > 0 && handler != "scheduler")
        {
            throw new RmRequestException(400, Pkg + "YarnException",
                $"Found non empty SchedulingRequest in AllocateRequest for application={attemptId}, but the configured yarn.resourcemanager.placement-constraints.handler cannot handle placement constraints. Rejecting this allocate operation");
        }
    }

    private static ContainerAsk Decode(string attemptId, SchedulingRequestProto r, Func<IReadOnlyList<string>, PlacementConstraintProto?>? appConstraint)
    {
        var meta = $"AppId={AppOf(attemptId)} Key=SchedulerRequestKey{{priority={r.Priority?.Priority ?? 0}, allocationRequestId={r.AllocationRequestId}, containerToUpdate=null}}. Exception message:";
        var sizing = r.ResourceSizing is { Resources: not null } s ? s : throw Invalid(meta + "No ResourceSizing found in the scheduling request, please double check");
        if (r.ExecutionType is { HasExecutionType: true, ExecutionType: not ExecutionTypeProto.Guaranteed })
            throw Invalid(meta + "Only GUARANTEED execution type is supported.");

        var partition = "";
        if (r.PlacementConstraint is { } pc)
        {
            Check(pc);
            partition = TopLevelPartition(pc, meta);
        }

        // The partition comes from the request's own constraint only (validateAndGetTargetNodePartition).
        var registered = appConstraint?.Invoke([.. r.AllocationTags]);
        if (registered is not null) Check(registered);
        var placement = new ScheduledPlacement([.. r.AllocationTags], Multilevel(r.PlacementConstraint, registered), partition);
        return new ContainerAsk(r.Priority?.Priority ?? 0, r.AllocationRequestId, ProtoMap.Resource(sizing.Resources),
            ContainerAsk.Any, sizing.NumAllocations, LabelExpression: partition.Length > 0 ? partition : null, Placement: placement);
    }

    /// <summary>The first partition target of a top-level SingleConstraint; under a composite the request stays in the default partition.</summary>
    private static string TopLevelPartition(PlacementConstraintProto pc, string meta)
    {
        foreach (var t in pc.SimpleConstraint?.TargetExpressions ?? [])
        {
            if (t.TargetType != TargetType.NodeAttribute || t.TargetKey != ConstraintEvaluator.NodePartitionKey || t.TargetValues.Count == 0) continue;
            if (t.TargetValues.Count > 1) throw Invalid(meta + "Inside one targetExpression, we only support affinity to at most one node partition now");
            return t.TargetValues[0].Trim();
        }

        return "";
    }

    /// <summary>Only shapes the evaluator places; anything else is refused at once rather than left pending.</summary>
    private static void Check(PlacementConstraintProto pc)
    {
        if (pc.SimpleConstraint is { } single)
        {
            if (single.Scope != "node") throw Unsupported($"scope '{single.Scope}'");
            foreach (var t in single.TargetExpressions)
            {
                switch (t.TargetType)
                {
                    case TargetType.AllocationTag when t.TargetValues.Count == 0:
                        throw Invalid("an ALLOCATION_TAG target needs at least one tag");
                    case TargetType.AllocationTag when t.HasTargetKey && t.TargetKey != "self":
                        throw Unsupported($"allocation tag namespace '{t.TargetKey}'");
                    case TargetType.AllocationTag:
                        break;
                    case TargetType.NodeAttribute when !t.HasTargetKey:
                        throw Invalid("a NODE_ATTRIBUTE target needs a targetKey");
                    case TargetType.NodeAttribute when t.TargetKey != ConstraintEvaluator.NodePartitionKey && t.TargetValues.Count == 0:
                        throw Invalid($"the NODE_ATTRIBUTE target '{t.TargetKey}' needs a value");
                    case TargetType.NodeAttribute:
                        break;
                    default:
                        throw Unsupported($"target type {t.TargetType}");
                }
            }

            return;
        }

        if (pc.CompositeConstraint is not { } composite) throw Invalid("a placement constraint needs a simpleConstraint or a compositeConstraint");
        if (composite.CompositeType is not (CompositeType.And or CompositeType.Or) || composite.TimedChildConstraints.Count > 0)
            throw Unsupported(composite.CompositeType.ToString());
        foreach (var child in composite.ChildConstraints) Check(child);
    }

    /// <summary>AND of the request-level and application-level constraints, the absent and duplicate ones left out.</summary>
    private static PlacementConstraintProto? Multilevel(PlacementConstraintProto? request, PlacementConstraintProto? app)
    {
        if (app is null || Equals(app, request)) return request;
        if (request is null) return app;
        return new PlacementConstraintProto
        {
            CompositeConstraint = new CompositePlacementConstraintProto { CompositeType = CompositeType.And, ChildConstraints = { request, app } },
        };
    }

    private static string AppOf(string attemptId) =>
        attemptId.Split('_') is [_, var ts, var seq, _] ? $"application_{ts}_{seq}" : attemptId;

    private static RmRequestException Unsupported(string what) =>
        Invalid($"the MiniCluster does not place {what}: it places node-scoped SingleConstraint/AND/OR over allocation tags of the application, node partitions and node attributes");

    private static RmRequestException Invalid(string message) => new(400, Pkg + "SchedulerInvalidResoureRequestException", message);
}
