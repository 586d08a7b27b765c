using System.Text;
using Google.Protobuf;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;

using YarnDL.UnitTests.Hadoop;

namespace YarnDL.UnitTests.AppMaster;

/// <summary><see cref="AllocateResponseDecoder"/> must give exactly what parsing with Google.Protobuf and mapping with
/// <see cref="AmProtoMapper.FromProto(AllocateResponseProto)"/> gives, on bytes Google.Protobuf wrote.</summary>
public sealed class AllocateResponseDecoderTests
{
    [Fact]
    public void A_response_with_every_field_set_decodes_as_the_generic_mapping()
    {
        var response = Rich();
        var bytes = response.ToByteArray();

        var decoded = AllocateResponseDecoder.Decode(bytes);

        Assert.Equal(Describe(AmProtoMapper.FromProto(AllocateResponseProto.Parser.ParseFrom(bytes))), Describe(decoded));
        Assert.Equal(3, decoded.Allocated.Count);
        Assert.Equal(AmCommand.Shutdown, decoded.Command);
        Assert.NotEmpty(decoded.UpdatedNodes);
        Assert.NotEmpty(decoded.NmTokens);
        Assert.False(decoded.AmRmToken.IsEmpty);
    }

    [Fact]
    public void An_empty_response_decodes_to_the_defaults()
    {
        var decoded = AllocateResponseDecoder.Decode([]);

        Assert.Equal(Describe(AmProtoMapper.FromProto(new AllocateResponseProto())), Describe(decoded));
    }

    [Fact]
    public void Unknown_fields_and_known_numbers_with_another_wire_type_are_skipped()
    {
        var bytes = Rich().ToByteArray().Concat(Unknowns()).ToArray();

        var decoded = AllocateResponseDecoder.Decode(bytes);

        Assert.Equal(Describe(AmProtoMapper.FromProto(AllocateResponseProto.Parser.ParseFrom(bytes))), Describe(decoded));
    }

    [Fact]
    public void A_container_sent_twice_merges_as_the_library_merges()
    {
        var first = Container(5, "nm-a", 1, gpus: 0);
        var second = new ContainerProto { NodeId = new NodeIdProto { Port = 2 }, Priority = new PriorityProto(), ContainerToken = new TokenProto { Identifier = ByteString.CopyFrom(7), Password = ByteString.CopyFrom(8), Kind = "k2", Service = "s2" } };
        var bytes = WireVectors.Write(o =>
        {
        o.WriteTag(3, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom([.. first.ToByteArray(), .. second.ToByteArray()]));
        });

        Assert.Equal(Describe(AmProtoMapper.FromProto(AllocateResponseProto.Parser.ParseFrom(bytes))), Describe(AllocateResponseDecoder.Decode(bytes)));
    }

    /// <summary>A missing proto2 required field anywhere refuses the response, as the generic path (parse, then the
    /// required-field check) does.</summary>
    [Theory]
    [InlineData("container token without service")]
    [InlineData("resource entry without key")]
    [InlineData("limit entry without key")]
    [InlineData("completed capability entry without key")]
    [InlineData("node report capability entry without key")]
    [InlineData("am_rm_token without kind")]
    [InlineData("updated container without type")]
    public void A_missing_required_field_is_refused(string where)
    {
        var response = Rich();
        var keyless = new ResourceInformationProto { Value = 1 };
        switch (where)
        {
            case "container token without service": response.AllocatedContainers[0].ContainerToken.ClearService(); break;
            case "resource entry without key": response.AllocatedContainers[1].Resource.ResourceValueMap.Add(keyless); break;
            case "limit entry without key": response.Limit.ResourceValueMap.Add(keyless); break;
            case "completed capability entry without key": response.CompletedContainerStatuses[0].Capability = new ResourceProto { ResourceValueMap = { keyless } }; break;
            case "node report capability entry without key": response.UpdatedNodes[0].Capability.ResourceValueMap.Add(keyless); break;
            case "am_rm_token without kind": response.AmRmToken.ClearKind(); break;
            case "updated container without type": response.UpdatedContainers.Add(new UpdatedContainerProto { Container = Container(9, "nm-z", 1, 0) }); break;
        }

        var bytes = response.ToByteArray();

        Assert.False(RequiredFields.AreSet(AllocateResponseProto.Parser.ParseFrom(bytes)));
        Assert.Throws<ProtoWireException>(() => AllocateResponseDecoder.Decode(bytes));
    }

    [Fact]
    public void Truncated_responses_are_refused()
    {
        var bytes = Rich().ToByteArray();
        foreach (var length in new[] { 1, 7, bytes.Length / 3, bytes.Length / 2, bytes.Length - 1 })
        {
            var prefix = bytes[..length];
            var libraryRefuses = WireVectors.Refuses(() => AllocateResponseProto.Parser.ParseFrom(prefix));
            if (libraryRefuses)
            {
                Assert.True(WireVectors.Refuses(() => AllocateResponseDecoder.Decode(prefix)), $"prefix of {length} bytes");
            }
        }
    }

    [Fact]
    public void Repeating_strings_come_from_the_intern_cache()
    {
        var bytes = Rich().ToByteArray();

        var a = AllocateResponseDecoder.Decode(bytes).Allocated[0];
        var b = AllocateResponseDecoder.Decode(bytes).Allocated[0];

        Assert.Same(a.NodeId, b.NodeId);
        Assert.Same(a.NodeHttpAddress, b.NodeHttpAddress);
    }

    private static AllocateResponseProto Rich()
    {
        var id = ContainerId.Parse("container_1700000000000_0001_01_000003").ToProto();
        var epochId = ContainerId.Parse("container_e03_1700000000000_0001_01_000004").ToProto();
        var r = new AllocateResponseProto
        {
            AMCommand = AMCommandProto.AmShutdown,
            ResponseId = 12,
            Limit = new ResourceProto { Memory = 8192, VirtualCores = 8, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 4 } } },
            NumClusterNodes = 50,
            Preempt = new PreemptionMessageProto
            {
                StrictContract = new StrictPreemptionContractProto { Container = { new PreemptionContainerProto { Id = id } } },
                Contract = new PreemptionContractProto { Container = { new PreemptionContainerProto { Id = epochId }, new PreemptionContainerProto { Id = id }, new PreemptionContainerProto() } },
            },
            AmRmToken = Token("YARN_AM_RM_TOKEN", 40),
            ApplicationPriority = new PriorityProto { Priority = 3 },
            CollectorInfo = new CollectorInfoProto { CollectorAddr = "collector:1", CollectorToken = Token("collector", 10) },
            EnhancedHeadroom = new EnhancedHeadroomProto { TotalPendingCount = 1, TotalActiveCores = 2 },
        };
        r.AllocatedContainers.Add(Container(100, "nm-17.example.com", 45454, gpus: 1));
        r.AllocatedContainers.Add(Container((3L << 40) | 101, "nm-18.example.com", 45454, gpus: 0));
        var bare = new ContainerProto { Id = new ContainerIdProto { Id = 102 }, NodeId = new NodeIdProto { Host = "nm-19" } }; // defaults everywhere
        r.AllocatedContainers.Add(bare);
        r.CompletedContainerStatuses.Add(new ContainerStatusProto { ContainerId = id, State = ContainerStateProto.CComplete, ExitStatus = -102, Diagnostics = "preempted ✓", Capability = new ResourceProto { Memory = 1 } });
        r.CompletedContainerStatuses.Add(new ContainerStatusProto { ContainerId = epochId }); // exit status and diagnostics default
        r.UpdatedNodes.Add(new NodeReportProto { NodeId = new NodeIdProto { Host = "nm-17.example.com", Port = 45454 }, NodeState = NodeStateProto.NsUnhealthy, HealthReport = "disk", Capability = new ResourceProto { Memory = 4096, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 2 } } } });
        r.UpdatedNodes.Add(new NodeReportProto { NodeId = new NodeIdProto { Host = "nm-20", Port = 1 } });
        r.UpdatedNodes.Add(new NodeReportProto { HealthReport = "no node id" });
        r.NmTokens.Add(new NMTokenProto { NodeId = new NodeIdProto { Host = "nm-17.example.com", Port = 45454 }, Token = Token("NMToken", 30) });
        r.NmTokens.Add(new NMTokenProto { Token = Token("NMToken", 5) }); // no node: ignored
        r.UpdateErrors.Add(new UpdateContainerErrorProto { Reason = "r", CurrentContainerVersion = 2 });
        r.UpdatedContainers.Add(new UpdatedContainerProto { UpdateType = ContainerUpdateTypeProto.IncreaseResource, Container = Container(103, "nm-21", 2, 0) });
        r.ContainersFromPreviousAttempts.Add(Container(7, "nm-17.example.com", 45454, gpus: 2));
        r.RejectedSchedulingRequests.Add(new RejectedSchedulingRequestProto { Reason = RejectionReasonProto.RrpCouldNotPlaceOnNode, Request = new SchedulingRequestProto { AllocationRequestId = 4 } });
        return r;
    }

    private static ContainerProto Container(long id, string host, int port, long gpus)
    {
        var resource = new ResourceProto { Memory = 2048, VirtualCores = 2 };
        resource.ResourceValueMap.Add(new ResourceInformationProto { Key = "memory-mb", Value = 2048, Units = "Mi" });
        if (gpus > 0)
        {
            resource.ResourceValueMap.Add(new ResourceInformationProto { Key = "yarn.io/gpu", Value = gpus });
            resource.ResourceValueMap.Add(new ResourceInformationProto { Key = "yarn.io/gpu", Value = gpus + 10 }); // the first counts
        }

        return new ContainerProto
        {
            Id = ContainerId.Create(new ApplicationAttemptId(new YarnApplicationId(1_700_000_000_000, 1), 1), id >> 40, id).ToProto(),
            NodeId = new NodeIdProto { Host = host, Port = port },
            NodeHttpAddress = host + ":8042",
            Resource = resource,
            Priority = new PriorityProto { Priority = 5 },
            ContainerToken = Token("ContainerToken", 96),
            ExecutionType = ExecutionTypeProto.Opportunistic,
            AllocationRequestId = id % 4,
            Version = 1,
            AllocationTags = { "worker" },
            ExposedPorts = "{}",
        };
    }

    private static TokenProto Token(string kind, int size) => new()
    {
        Identifier = ByteString.CopyFrom([.. Enumerable.Range(0, size).Select(i => (byte)i)]),
        Password = ByteString.CopyFrom(new byte[20]),
        Kind = kind,
        Service = "10.0.0.17:45454",
    };

    /// <summary>Fields 30 to 34, one of each wire type, and field 2 (response_id) as a fixed32: all unknown to the parser.</summary>
    private static byte[] Unknowns() => WireVectors.Write(o =>
    {
        o.WriteTag(30, WireFormat.WireType.Varint);
        o.WriteInt64(-1);
        o.WriteTag(31, WireFormat.WireType.Fixed64);
        o.WriteFixed64(1);
        o.WriteTag(32, WireFormat.WireType.LengthDelimited);
        o.WriteString("x");
        o.WriteTag(33, WireFormat.WireType.StartGroup);
        o.WriteTag(1, WireFormat.WireType.Varint);
        o.WriteInt32(1);
        o.WriteTag(33, WireFormat.WireType.EndGroup);
        o.WriteTag(34, WireFormat.WireType.Fixed32);
        o.WriteFixed32(1);
        o.WriteTag(2, WireFormat.WireType.Fixed32);
        o.WriteFixed32(77);
    });

    /// <summary>Every field of the result as text, token bytes in hex, so two results compare field by field.</summary>
    private static string Describe(AllocateResult r)
    {
        var s = new StringBuilder();
        s.AppendLine($"response {r.ResponseId} nodes {r.NumClusterNodes} command {r.Command} amrm {Convert.ToHexString(r.AmRmToken.Span)}");
        foreach (var c in r.Allocated.Concat(r.FromPreviousAttempts))
        {
            s.AppendLine($"container {c.ContainerId} {c.NodeId} {c.NodeHttpAddress} {c.Capability} {c.Priority} {c.AllocationRequestId} {Convert.ToHexString(c.ContainerToken.Span)}");
        }

        s.AppendLine($"previous {r.FromPreviousAttempts.Count}");
        foreach (var c in r.Completed)
        {
            s.AppendLine($"completed {c.ContainerId} {c.ExitStatus} {c.Diagnostics}");
        }

        foreach (var (node, token) in r.NmTokens.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            s.AppendLine($"nm token {node} {Convert.ToHexString(token.Span)}");
        }

        s.AppendLine($"preempted {string.Join(",", r.PreemptedContainers)}");
        foreach (var n in r.UpdatedNodes)
        {
            s.AppendLine($"node {n}");
        }

        return s.ToString();
    }
}
