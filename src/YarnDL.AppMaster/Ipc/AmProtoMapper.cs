using Google.Protobuf;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Spec.Placement;

namespace YarnDL.AppMaster.Ipc;

/// <summary>Maps the AM's ApplicationMasterProtocol types to and from the Hadoop protos.</summary>
internal static class AmProtoMapper
{
    public static ResourceProto ToProto(Capability c)
    {
        var r = new ResourceProto { Memory = c.MemoryMb, VirtualCores = c.Vcores };
        if (c.Gpus > 0)
        {
            r.ResourceValueMap.Add(new ResourceInformationProto { Key = Capability.GpuResourceName, Value = c.Gpus });
        }

        return r;
    }

    public static Capability FromProto(ResourceProto? r)
    {
        if (r is null)
        {
            return default;
        }

        long gpus = r.ResourceValueMap.FirstOrDefault(i => i.Key == Capability.GpuResourceName)?.Value ?? 0;
        return new Capability(r.Memory, r.VirtualCores, gpus);
    }

    public static ResourceRequestProto ToProto(ResourceAsk ask)
    {
        var p = new ResourceRequestProto
        {
            Priority = new PriorityProto { Priority = ask.Key.Priority },
            ResourceName = ResourceAsk.AnyLocation,
            Capability = ToProto(ask.Capability),
            NumContainers = ask.NumContainers,
            RelaxLocality = true,
            AllocationRequestId = ask.Key.AllocationRequestId,
        };
        if (!string.IsNullOrEmpty(ask.NodeLabel))
        {
            p.NodeLabelExpression = ask.NodeLabel;
        }

        return p;
    }

    /// <summary>A constrained ask: its containers carry the placement's tag, and the placement constraint is built by <see cref="ConstraintOf"/>.</summary>
    public static SchedulingRequestProto ToSchedulingRequest(ResourceAsk ask)
    {
        var placement = ask.Placement ?? throw new ArgumentException("not a constrained ask", nameof(ask));
        var p = new SchedulingRequestProto
        {
            AllocationRequestId = ask.Key.AllocationRequestId,
            Priority = new PriorityProto { Priority = ask.Key.Priority },
            ExecutionType = new ExecutionTypeRequestProto { ExecutionType = ExecutionTypeProto.Guaranteed, EnforceExecutionType = true },
            ResourceSizing = new ResourceSizingProto { NumAllocations = ask.NumContainers, Resources = ToProto(ask.Capability) },
            PlacementConstraint = ConstraintOf(placement, ask.NodeLabel),
        };
        p.AllocationTags.Add(placement.Tag);
        return p;
    }

    /// <summary>
    /// One SingleConstraint at the top when the node attributes use one operator (scope node, cardinality 0/0 with anti-affinity
    /// else -1/-1; targets: [allocationTag], [nodePartition], attributes; attributeOpCode = that operator), because the
    /// CapacityScheduler reads the request's partition only from a top-level SingleConstraint. Mixed operators: AND of the
    /// anti-affinity/partition constraint (if any) and one attribute constraint per operator (= first).
    /// </summary>
    public static PlacementConstraintProto ConstraintOf(ConstrainedPlacement placement, string? nodeLabel)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var label = string.IsNullOrEmpty(nodeLabel) ? null : nodeLabel;
        var ops = placement.NodeAttributes.Select(a => a.Op).Distinct().Order().ToList();
        if (ops.Count <= 1)
        {
            var single = Single(placement.AntiAffinity ? placement.Tag : null, label, placement.NodeAttributes);
            return new PlacementConstraintProto { SimpleConstraint = single };
        }

        var and = new CompositePlacementConstraintProto { CompositeType = CompositePlacementConstraintProto.Types.CompositeType.And };
        if (placement.AntiAffinity || label is not null)
        {
            and.ChildConstraints.Add(new PlacementConstraintProto { SimpleConstraint = Single(placement.AntiAffinity ? placement.Tag : null, label, []) });
        }

        foreach (var op in ops)
        {
            and.ChildConstraints.Add(new PlacementConstraintProto { SimpleConstraint = Single(null, null, [.. placement.NodeAttributes.Where(a => a.Op == op)]) });
        }

        return new PlacementConstraintProto { CompositeConstraint = and };
    }

    /// <summary>targetNotIn(NODE, allocationTag(t)) is cardinality 0/0; PlacementConstraints.targetNodeAttribute (and a partition alone) -1/-1.</summary>
    private static SimplePlacementConstraintProto Single(string? antiAffinityTag, string? partition, IReadOnlyList<NodeAttributeExpression> attributes)
    {
        var cardinality = antiAffinityTag is null ? -1 : 0;
        var c = new SimplePlacementConstraintProto { Scope = NodeScope, MinCardinality = cardinality, MaxCardinality = cardinality };
        if (antiAffinityTag is not null)
        {
            var tag = new PlacementConstraintTargetProto { TargetType = PlacementConstraintTargetProto.Types.TargetType.AllocationTag };
            tag.TargetValues.Add(antiAffinityTag);
            c.TargetExpressions.Add(tag);
        }

        if (partition is not null)
        {
            // PlacementTargets.nodePartition(label): the partition rides in the constraint, a SchedulingRequest has no label field.
            c.TargetExpressions.Add(NodeAttributeTarget(NodePartitionKey, partition));
        }

        foreach (var a in attributes)
        {
            c.TargetExpressions.Add(NodeAttributeTarget(a.Key, a.Value));
        }

        if (attributes.Count > 0)
        {
            c.AttributeOpCode = attributes[0].Op == NodeAttributeOp.Equal ? NodeAttributeOpCodeProto.Eq : NodeAttributeOpCodeProto.Ne;
        }

        return c;
    }

    private static PlacementConstraintTargetProto NodeAttributeTarget(string key, string value)
    {
        var t = new PlacementConstraintTargetProto { TargetType = PlacementConstraintTargetProto.Types.TargetType.NodeAttribute, TargetKey = key };
        t.TargetValues.Add(value);
        return t;
    }

    /// <summary>PlacementConstraints.NODE.</summary>
    public const string NodeScope = "node";

    /// <summary>PlacementConstraints.NODE_PARTITION: the node-attribute key that names a node label inside a constraint.</summary>
    public const string NodePartitionKey = "yarn_node_partition/";

    public static AllocateRequestProto ToProto(AllocateCall call)
    {
        var p = new AllocateRequestProto { ResponseId = call.ResponseId, Progress = call.Progress };
        p.Ask.AddRange(call.Asks.Where(a => a.Placement is null).Select(ToProto));
        p.SchedulingRequests.AddRange(call.Asks.Where(a => a.Placement is not null).Select(ToSchedulingRequest));
        p.Release.AddRange(call.Releases.Select(id => ContainerId.Parse(id).ToProto()));
        if (call.BlacklistAdditions.Count > 0 || call.BlacklistRemovals.Count > 0)
        {
            var b = new ResourceBlacklistRequestProto();
            b.BlacklistAdditions.AddRange(call.BlacklistAdditions);
            b.BlacklistRemovals.AddRange(call.BlacklistRemovals);
            p.BlacklistRequest = b;
        }

        return p;
    }

    public static AllocatedContainer FromProto(ContainerProto c) => new(
        ContainerId.FromProto(c.Id).ToString(),
        NodeId.FromProto(c.NodeId).ToString(),
        c.NodeHttpAddress,
        FromProto(c.Resource),
        c.Priority?.Priority ?? 0,
        c.AllocationRequestId,
        c.ContainerToken is null ? ReadOnlyMemory<byte>.Empty : c.ContainerToken.ToByteArray());

    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> NmTokens(IEnumerable<NMTokenProto> tokens)
    {
        var map = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var t in tokens.Where(t => t.NodeId is not null && t.Token is not null))
        {
            map[NodeId.FromProto(t.NodeId).ToString()] = t.Token.ToByteArray();
        }

        return map;
    }

    public static AllocateResult FromProto(AllocateResponseProto r) => new()
    {
        ResponseId = r.ResponseId,
        Allocated = [.. r.AllocatedContainers.Select(FromProto)],
        Completed = [.. r.CompletedContainerStatuses.Select(s => new CompletedContainer(
            ContainerId.FromProto(s.ContainerId).ToString(), s.ExitStatus, s.Diagnostics))],
        FromPreviousAttempts = [.. r.ContainersFromPreviousAttempts.Select(FromProto)],
        NmTokens = NmTokens(r.NmTokens),
        AmRmToken = r.AmRmToken is null ? ReadOnlyMemory<byte>.Empty : r.AmRmToken.ToByteArray(),
        PreemptedContainers = Preempted(r.Preempt),
        Command = r.HasAMCommand ? Command(r.AMCommand) : AmCommand.None,
        NumClusterNodes = r.NumClusterNodes,
        UpdatedNodes = UpdatedNodes(r.UpdatedNodes),
    };

    /// <summary>The containers a PreemptionMessage names (strict and negotiable contract together, each once).</summary>
    public static IReadOnlyList<string> Preempted(PreemptionMessageProto? message)
    {
        if (message is null)
        {
            return [];
        }

        var ids = (message.StrictContract?.Container ?? []).Concat(message.Contract?.Container ?? []);
        return [.. ids.Where(c => c.Id is not null).Select(c => ContainerId.FromProto(c.Id).ToString()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The AM command of a response that carries one.</summary>
    public static AmCommand Command(AMCommandProto command) => command switch
    {
        AMCommandProto.AmResync => AmCommand.Resync,
        AMCommandProto.AmShutdown => AmCommand.Shutdown,
        _ => AmCommand.None,
    };

    /// <summary>updated_nodes: the reports that name their node.</summary>
    public static IReadOnlyList<NodeUpdate> UpdatedNodes(IEnumerable<NodeReportProto> reports) =>
        [.. reports.Where(n => n.NodeId is not null).Select(n => new NodeUpdate(
            NodeId.FromProto(n.NodeId).ToString(),
            NodeStateName(n),
            FromProto(n.Capability),
            n.HealthReport ?? ""))];

    /// <summary>NodeStateProto without its <c>NS_</c> prefix.</summary>
    private static string NodeStateName(NodeReportProto n) => !n.HasNodeState ? "NEW" : n.NodeState switch
    {
        NodeStateProto.NsRunning => "RUNNING",
        NodeStateProto.NsUnhealthy => "UNHEALTHY",
        NodeStateProto.NsDecommissioned => "DECOMMISSIONED",
        NodeStateProto.NsLost => "LOST",
        NodeStateProto.NsRebooted => "REBOOTED",
        NodeStateProto.NsDecommissioning => "DECOMMISSIONING",
        NodeStateProto.NsShutdown => "SHUTDOWN",
        _ => "NEW",
    };

    public static RegistrationResult FromProto(RegisterApplicationMasterResponseProto r) => new()
    {
        MaximumCapability = FromProto(r.MaximumCapability),
        ContainersFromPreviousAttempts = [.. r.ContainersFromPreviousAttempts.Select(FromProto)],
        NmTokensFromPreviousAttempts = NmTokens(r.NmTokensFromPreviousAttempts),
    };

    public static TokenProto ParseToken(ReadOnlyMemory<byte> bytes) => TokenProto.Parser.ParseFrom(bytes.Span);

    public static FinalApplicationStatusProto ToProto(FinalStatus s) => s switch
    {
        FinalStatus.Succeeded => FinalApplicationStatusProto.AppSucceeded,
        FinalStatus.Failed => FinalApplicationStatusProto.AppFailed,
        _ => FinalApplicationStatusProto.AppKilled,
    };

    internal static ByteString Bytes(ReadOnlyMemory<byte> b) => ByteString.CopyFrom(b.Span);
}
