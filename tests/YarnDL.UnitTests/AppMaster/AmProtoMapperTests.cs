using Google.Protobuf;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmProtoMapperTests
{
    private const string Container = "container_1700000000000_0001_01_000002";

    [Fact]
    public void Anti_affinity_ask_goes_out_as_a_scheduling_request_with_targetNotIn_node_of_its_own_tag()
    {
        var plain = new ResourceAsk(new AskKey(16, 16), new Capability(1024, 1, 0), 1, null);
        var spread = new ResourceAsk(new AskKey(17, 17), new Capability(2048, 2, 1), 3, null, ConstrainedPlacement.Spread("yarndl.main.worker"));

        var p = AmProtoMapper.ToProto(new AllocateCall(5, 0.5f, [plain, spread], [], [], []));

        Assert.Equal(16, Assert.Single(p.Ask).Priority.Priority);
        var s = Assert.Single(p.SchedulingRequests);
        Assert.Equal((17L, 17), (s.AllocationRequestId, s.Priority.Priority));
        Assert.Equal(["yarndl.main.worker"], s.AllocationTags);
        Assert.Equal(3, s.ResourceSizing.NumAllocations);
        Assert.Equal((2048L, 2), (s.ResourceSizing.Resources.Memory, s.ResourceSizing.Resources.VirtualCores));
        Assert.Equal((ExecutionTypeProto.Guaranteed, true), (s.ExecutionType.ExecutionType, s.ExecutionType.EnforceExecutionType));
        // PlacementConstraints.targetNotIn(NODE, allocationTag(t)) = SingleConstraint("node", 0, 0, [ALLOCATION_TAG {t}]).
        var c = s.PlacementConstraint.SimpleConstraint;
        Assert.Equal("node", c.Scope);
        Assert.True(c.HasMinCardinality && c.HasMaxCardinality);
        Assert.Equal((0, 0), (c.MinCardinality, c.MaxCardinality));
        var target = Assert.Single(c.TargetExpressions);
        Assert.Equal(PlacementConstraintTargetProto.Types.TargetType.AllocationTag, target.TargetType);
        Assert.False(target.HasTargetKey);
        Assert.Equal(["yarndl.main.worker"], target.TargetValues);
        Assert.Null(s.PlacementConstraint.CompositeConstraint);
    }

    [Fact]
    public void Anti_affinity_ask_with_a_node_label_names_the_partition_as_a_second_target()
    {
        var spread = new ResourceAsk(new AskKey(17, 17), new Capability(2048, 2, 1), 2, "gpu", ConstrainedPlacement.Spread("yarndl.main.worker"));

        var s = Assert.Single(AmProtoMapper.ToProto(new AllocateCall(0, 0f, [spread], [], [], [])).SchedulingRequests);

        // PlacementConstraints.targetNotIn(NODE, allocationTag(t), nodePartition("gpu")).
        var targets = s.PlacementConstraint.SimpleConstraint.TargetExpressions;
        Assert.Equal(2, targets.Count);
        Assert.Equal(PlacementConstraintTargetProto.Types.TargetType.NodeAttribute, targets[1].TargetType);
        Assert.Equal("yarn_node_partition/", targets[1].TargetKey);
        Assert.Equal(["gpu"], targets[1].TargetValues);
    }

    [Fact]
    public void Ask_becomes_an_ANY_request_with_explicit_presence()
    {
        var ask = new ResourceAsk(new AskKey(3, 7), new Capability(2048, 2, 1), 4, "gpu");

        var p = AmProtoMapper.ToProto(ask);

        Assert.Equal("*", p.ResourceName);
        Assert.Equal(3, p.Priority.Priority);
        Assert.Equal(4, p.NumContainers);
        Assert.True(p.HasRelaxLocality);
        Assert.True(p.RelaxLocality);
        Assert.True(p.HasAllocationRequestId);
        Assert.Equal(7, p.AllocationRequestId);
        Assert.Equal("gpu", p.NodeLabelExpression);
        Assert.Equal(2048, p.Capability.Memory);
        Assert.Equal(2, p.Capability.VirtualCores);
        var gpu = Assert.Single(p.Capability.ResourceValueMap);
        Assert.Equal("yarn.io/gpu", gpu.Key);
        Assert.Equal(1, gpu.Value);
    }

    [Fact]
    public void Ask_wire_bytes_follow_the_proto2_field_numbers_of_spec_4_4()
    {
        // Hand-encoded from yarn_protos.proto's ResourceRequestProto: 1 priority{1:1}, 2 "*", 3 capability{1:512,2:1}, 4 num=2, 5 relax=true, 8 allocation_request_id=0.
        var expected = Convert.FromHexString("0A020801" + "12012A" + "1A05088004" + "1001" + "2002" + "2801" + "4000");
        var p = AmProtoMapper.ToProto(new ResourceAsk(new AskKey(1, 0), new Capability(512, 1, 0), 2, null));

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(p.ToByteArray()));
    }

    [Fact]
    public void Cpu_ask_has_no_gpu_entry_and_no_label()
    {
        var p = AmProtoMapper.ToProto(new ResourceAsk(new AskKey(1, 0), new Capability(512, 1, 0), 1, null));

        Assert.Empty(p.Capability.ResourceValueMap);
        Assert.False(p.HasNodeLabelExpression);
    }

    [Fact]
    public void Allocate_call_carries_releases_and_blacklist_deltas()
    {
        var call = new AllocateCall(5, 0.5f, [], [Container], ["bad-host"], ["good-host"]);

        var p = AmProtoMapper.ToProto(call);

        Assert.Equal(5, p.ResponseId);
        Assert.Equal(0.5f, p.Progress);
        var release = Assert.Single(p.Release);
        Assert.Equal(2, release.Id);
        Assert.Equal(1, release.AppAttemptId.AttemptId);
        Assert.Equal(["bad-host"], p.BlacklistRequest.BlacklistAdditions);
        Assert.Equal(["good-host"], p.BlacklistRequest.BlacklistRemovals);
    }

    [Fact]
    public void Allocate_call_without_blacklist_changes_omits_the_blacklist_request()
    {
        var p = AmProtoMapper.ToProto(new AllocateCall(0, 0, [], [], [], []));

        Assert.Null(p.BlacklistRequest);
    }

    [Fact]
    public void Response_maps_containers_tokens_completions_preemption_and_command()
    {
        var containerToken = new TokenProto { Identifier = ByteString.CopyFrom(1, 2, 3), Password = ByteString.CopyFrom(9), Kind = "ContainerToken", Service = "127.0.0.1:45454" };
        var nmToken = new TokenProto { Identifier = ByteString.CopyFrom(4), Password = ByteString.CopyFrom(5), Kind = "NMToken", Service = "127.0.0.1:45454" };
        var id = YarnDL.Hadoop.Ids.ContainerId.Parse(Container).ToProto();
        var other = YarnDL.Hadoop.Ids.ContainerId.Parse("container_1700000000000_0001_01_000003").ToProto();
        var resource = new ResourceProto { Memory = 1024, VirtualCores = 1 };
        resource.ResourceValueMap.Add(new ResourceInformationProto { Key = "yarn.io/gpu", Value = 2 });
        var r = new AllocateResponseProto
        {
            ResponseId = 9,
            AMCommand = AMCommandProto.AmResync,
            NumClusterNodes = 2,
            Preempt = new PreemptionMessageProto
            {
                StrictContract = new StrictPreemptionContractProto { Container = { new PreemptionContainerProto { Id = id } } },
                Contract = new PreemptionContractProto { Container = { new PreemptionContainerProto { Id = other }, new PreemptionContainerProto { Id = id } } },
            },
        };
        r.AllocatedContainers.Add(new ContainerProto
        {
            Id = id,
            NodeId = new NodeIdProto { Host = "127.0.0.1", Port = 45454 },
            NodeHttpAddress = "127.0.0.1:8042",
            Resource = resource,
            Priority = new PriorityProto { Priority = 2 },
            ContainerToken = containerToken,
            AllocationRequestId = 11,
        });
        r.NmTokens.Add(new NMTokenProto { NodeId = new NodeIdProto { Host = "127.0.0.1", Port = 45454 }, Token = nmToken });
        r.CompletedContainerStatuses.Add(new ContainerStatusProto { ContainerId = other, State = ContainerStateProto.CComplete, ExitStatus = -102, Diagnostics = "preempted" });
        r.CompletedContainerStatuses.Add(new ContainerStatusProto { ContainerId = id, State = ContainerStateProto.CComplete });

        var result = AmProtoMapper.FromProto(r);

        Assert.Equal(9, result.ResponseId);
        Assert.Equal(AmCommand.Resync, result.Command);
        var c = Assert.Single(result.Allocated);
        Assert.Equal(Container, c.ContainerId);
        Assert.Equal("127.0.0.1:45454", c.NodeId);
        Assert.Equal(new Capability(1024, 1, 2), c.Capability);
        Assert.Equal(2, c.Priority);
        Assert.Equal(11, c.AllocationRequestId);
        Assert.Equal(containerToken.ToByteArray(), c.ContainerToken.ToArray());
        Assert.Equal(nmToken.ToByteArray(), result.NmTokens["127.0.0.1:45454"].ToArray());
        Assert.Equal([Container, "container_1700000000000_0001_01_000003"], result.PreemptedContainers);
        Assert.Equal(-102, result.Completed[0].ExitStatus);
        Assert.Equal("preempted", result.Completed[0].Diagnostics);
        Assert.Equal(-1000, result.Completed[1].ExitStatus); // proto2 default
        Assert.Equal("N/A", result.Completed[1].Diagnostics);
        Assert.True(result.AmRmToken.IsEmpty);
    }

    [Fact]
    public void Response_without_a_command_maps_to_none_and_keeps_a_rolled_amrm_token()
    {
        var token = new TokenProto { Identifier = ByteString.CopyFrom(7), Password = ByteString.CopyFrom(8), Kind = "YARN_AM_RM_TOKEN", Service = "" };
        var result = AmProtoMapper.FromProto(new AllocateResponseProto { AmRmToken = token });

        Assert.Equal(AmCommand.None, result.Command);
        Assert.Equal(token, AmProtoMapper.ParseToken(result.AmRmToken));
    }

    [Fact]
    public void Finish_status_uses_the_FinalApplicationStatusProto_numbers()
    {
        Assert.Equal(1, (int)AmProtoMapper.ToProto(FinalStatus.Succeeded));
        Assert.Equal(2, (int)AmProtoMapper.ToProto(FinalStatus.Failed));
        Assert.Equal(3, (int)AmProtoMapper.ToProto(FinalStatus.Killed));
    }
}
