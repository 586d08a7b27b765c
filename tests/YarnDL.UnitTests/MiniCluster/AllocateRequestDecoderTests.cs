using Google.Protobuf;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;
using YarnDL.MiniCluster.Ipc;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary><see cref="AllocateRequestDecoder"/> must give what the allocate handler took from the Google.Protobuf
/// message before (<see cref="Mapped"/> is that mapping), on bytes Google.Protobuf wrote.</summary>
public sealed class AllocateRequestDecoderTests
{
    [Fact]
    public void A_request_with_every_field_set_decodes_as_the_generic_mapping()
    {
        var bytes = Rich().ToByteArray();

        AssertSame(Mapped(AllocateRequestProto.Parser.ParseFrom(bytes)), AllocateRequestDecoder.Decode(bytes));
    }

    [Fact]
    public void An_empty_request_decodes_to_the_defaults()
    {
        AssertSame(Mapped(new AllocateRequestProto()), AllocateRequestDecoder.Decode([]));
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        using var buffer = new MemoryStream();
        var o = new CodedOutputStream(buffer);
        Rich().WriteTo(o);
        o.WriteTag(40, WireFormat.WireType.StartGroup);
        o.WriteTag(1, WireFormat.WireType.Fixed64);
        o.WriteFixed64(3);
        o.WriteTag(40, WireFormat.WireType.EndGroup);
        o.WriteTag(41, WireFormat.WireType.Fixed32);
        o.WriteFixed32(3);
        o.WriteTag(4, WireFormat.WireType.LengthDelimited); // response_id as a string: unknown to the parser
        o.WriteString("not a number");
        o.Flush();
        var bytes = buffer.ToArray();

        AssertSame(Mapped(AllocateRequestProto.Parser.ParseFrom(bytes)), AllocateRequestDecoder.Decode(bytes));
    }

    [Fact]
    public void An_unknown_resource_type_is_left_for_the_handler_to_refuse_as_the_scheduler_does()
    {
        var request = Rich();
        request.Ask[1].Capability.ResourceValueMap.Add(new ResourceInformationProto { Key = "example.com/fpga", Value = 1 });
        request.Ask[2].Capability.ResourceValueMap.Add(new ResourceInformationProto { Key = "example.com/tpu", Value = 1 });

        var decoded = AllocateRequestDecoder.Decode(request.ToByteArray());

        var expected = Assert.Throws<HadoopServerException>(() => Mapped(request));
        var refusal = Assert.IsType<HadoopServerException>(decoded.AskRefusal);
        Assert.Equal(expected.ClassName, refusal.ClassName);
        Assert.Equal(expected.Message, refusal.Message);
        Assert.Contains("example.com/fpga", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_count_past_int32_is_left_for_the_handler_as_the_overflow_it_was()
    {
        var request = new AllocateRequestProto();
        request.Ask.Add(new ResourceRequestProto { Capability = new ResourceProto { ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = long.MaxValue } } } });

        Assert.Throws<OverflowException>(() => Mapped(request));
        Assert.IsType<OverflowException>(AllocateRequestDecoder.Decode(request.ToByteArray()).AskRefusal);
    }

    [Theory]
    [InlineData("ask entry without key")]
    [InlineData("update request without version")]
    [InlineData("scheduling request entry without key")]
    public void A_missing_required_field_is_refused(string where)
    {
        var request = Rich();
        var keyless = new ResourceInformationProto { Value = 1 };
        switch (where)
        {
            case "ask entry without key": request.Ask[3].Capability.ResourceValueMap.Add(keyless); break;
            case "update request without version": request.UpdateRequests[0].ClearContainerVersion(); break;
            case "scheduling request entry without key": request.SchedulingRequests[0].ResourceSizing.Resources.ResourceValueMap.Add(keyless); break;
        }

        var bytes = request.ToByteArray();

        Assert.False(RequiredFields.AreSet(AllocateRequestProto.Parser.ParseFrom(bytes)));
        Assert.Throws<ProtoWireException>(() => AllocateRequestDecoder.Decode(bytes));
    }

    [Fact]
    public void Truncated_requests_are_refused()
    {
        var bytes = Rich().ToByteArray();
        for (var length = 1; length < bytes.Length; length += 5)
        {
            var prefix = bytes[..length];
            try
            {
                AllocateRequestProto.Parser.ParseFrom(prefix);
            }
            catch (InvalidProtocolBufferException)
            {
                Assert.Throws<ProtoWireException>(() => AllocateRequestDecoder.Decode(prefix));
            }
        }
    }

    private static AllocateRequestProto Rich()
    {
        var attempt = new ApplicationAttemptId(new YarnApplicationId(1_700_000_000_000, 1), 1);
        var r = new AllocateRequestProto { ResponseId = 7, Progress = 0.625f, TrackingUrl = "http://am:8080/" };
        r.Ask.Add(new ResourceRequestProto
        {
            Priority = new PriorityProto { Priority = 1 },
            ResourceName = "*",
            NumContainers = 4,
            AllocationRequestId = 3,
            Capability = new ResourceProto { Memory = 2048, VirtualCores = 1, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 1, Units = "" } } },
        });
        r.Ask.Add(new ResourceRequestProto // no memory or vcores fields: the entries give them
        {
            ResourceName = "nm-17.example.com",
            RelaxLocality = false,
            NodeLabelExpression = "  gpu  ",
            Capability = new ResourceProto
            {
                ResourceValueMap =
                {
                    new ResourceInformationProto { Key = "memory-mb", Value = 4096, Units = "Mi" },
                    new ResourceInformationProto { Key = "vcores", Value = 3 },
                    new ResourceInformationProto { Key = "memory", Value = 1 }, // the later one wins, as the old mapping
                },
            },
            ExecutionTypeRequest = new ExecutionTypeRequestProto { ExecutionType = ExecutionTypeProto.Guaranteed, EnforceExecutionType = true },
        });
        r.Ask.Add(new ResourceRequestProto { NodeLabelExpression = "   ", Capability = new ResourceProto { Memory = 1, ResourceValueMap = { new ResourceInformationProto { Key = "memory-mb", Value = 9 } } } });
        r.Ask.Add(new ResourceRequestProto { Capability = new ResourceProto() }); // every default
        r.Release.Add(ContainerId.Create(attempt, 0, 12).ToProto());
        r.Release.Add(ContainerId.Create(attempt, 2, 13).ToProto());
        r.BlacklistRequest = new ResourceBlacklistRequestProto { BlacklistAdditions = { "bad-1", "bad-2" }, BlacklistRemovals = { "good" } };
        r.UpdateRequests.Add(new UpdateContainerRequestProto { ContainerVersion = 1, ContainerId = ContainerId.Create(attempt, 0, 12).ToProto(), UpdateType = ContainerUpdateTypeProto.IncreaseResource });
        r.SchedulingRequests.Add(new SchedulingRequestProto
        {
            AllocationRequestId = 9,
            Priority = new PriorityProto { Priority = 2 },
            AllocationTags = { "worker" },
            ResourceSizing = new ResourceSizingProto { NumAllocations = 2, Resources = new ResourceProto { Memory = 1024, VirtualCores = 1 } },
            PlacementConstraint = new PlacementConstraintProto { SimpleConstraint = new SimplePlacementConstraintProto { Scope = "node", MinCardinality = 0, MaxCardinality = 0 } },
        });
        return r;
    }

    /// <summary>What the allocate handler took from the parsed message before the decoder (its asks, releases and blacklist).</summary>
    private static AllocateRequest Mapped(AllocateRequestProto r) => new(
        r.ResponseId,
        r.Progress,
        [.. r.Ask.Select(a => new ContainerAsk(
            a.Priority?.Priority ?? 0, a.AllocationRequestId, ProtoMap.Resource(a.Capability),
            a.HasResourceName ? a.ResourceName : ContainerAsk.Any, a.NumContainers, !a.HasRelaxLocality || a.RelaxLocality,
            a.HasNodeLabelExpression && a.NodeLabelExpression.Trim().Length > 0 ? a.NodeLabelExpression.Trim() : null))],
        [.. r.Release.Select(id => ContainerId.FromProto(id).ToString())],
        r.BlacklistRequest?.BlacklistAdditions.ToList() ?? [],
        r.BlacklistRequest?.BlacklistRemovals.ToList() ?? [],
        [.. r.SchedulingRequests]);

    private static void AssertSame(AllocateRequest expected, AllocateRequest actual)
    {
        Assert.Null(actual.AskRefusal);
        Assert.Equal(expected.ResponseId, actual.ResponseId);
        Assert.Equal(expected.Progress, actual.Progress);
        Assert.Equal(expected.Asks, actual.Asks);
        Assert.Equal(expected.Releases, actual.Releases);
        Assert.Equal(expected.BlacklistAdditions, actual.BlacklistAdditions);
        Assert.Equal(expected.BlacklistRemovals, actual.BlacklistRemovals);
        Assert.Equal(expected.SchedulingRequests, actual.SchedulingRequests);
    }
}
