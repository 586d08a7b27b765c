using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;

namespace YarnDL.UnitTests.Hadoop;

/// <summary><see cref="ProtoReader"/> on bytes written by Google.Protobuf's own serializer, and on truncated and malformed
/// input, which it must refuse where Google.Protobuf's parser refuses it.</summary>
public sealed class ProtoReaderTests
{
    [Fact]
    public void Reads_every_scalar_type_as_the_library_wrote_it()
    {
        var bytes = WireVectors.Write(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt32(-5);
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteInt64(long.MinValue);
            o.WriteTag(3, WireFormat.WireType.Varint);
            o.WriteSInt32(-123456);
            o.WriteTag(4, WireFormat.WireType.Varint);
            o.WriteSInt64(long.MinValue + 1);
            o.WriteTag(5, WireFormat.WireType.Fixed32);
            o.WriteFixed32(0xDEADBEEF);
            o.WriteTag(6, WireFormat.WireType.Fixed64);
            o.WriteFixed64(0x0123456789ABCDEF);
            o.WriteTag(7, WireFormat.WireType.Fixed32);
            o.WriteFloat(0.25f);
            o.WriteTag(8, WireFormat.WireType.Fixed64);
            o.WriteDouble(-1.5);
            o.WriteTag(9, WireFormat.WireType.Varint);
            o.WriteBool(true);
            o.WriteTag(10, WireFormat.WireType.LengthDelimited);
            o.WriteString("yarn.io/gpu ✓");
            o.WriteTag(11, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(1, 2, 3));
            o.WriteTag(12, WireFormat.WireType.Varint);
            o.WriteUInt64(ulong.MaxValue);
        });

        var r = new ProtoReader(bytes);
        Assert.Equal(-5, Next(ref r, 1).ReadInt32());
        Assert.Equal(long.MinValue, Next(ref r, 2).ReadInt64());
        Assert.Equal(-123456, Next(ref r, 3).ReadSInt32());
        Assert.Equal(long.MinValue + 1, Next(ref r, 4).ReadSInt64());
        Assert.Equal(0xDEADBEEF, Next(ref r, 5).ReadFixed32());
        Assert.Equal(0x0123456789ABCDEFUL, Next(ref r, 6).ReadFixed64());
        Assert.Equal(0.25f, Next(ref r, 7).ReadFloat());
        Assert.Equal(-1.5, Next(ref r, 8).ReadDouble());
        Assert.True(Next(ref r, 9).ReadBool());
        Assert.Equal("yarn.io/gpu ✓", Next(ref r, 10).ReadString());
        Assert.Equal([1, 2, 3], Next(ref r, 11).ReadBytes().ToArray());
        Assert.Equal(ulong.MaxValue, Next(ref r, 12).ReadUInt64());
        Assert.False(r.TryReadTag(out _));
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Nested_messages_are_read_in_place_and_merge_as_the_library_merges()
    {
        var id = new ContainerIdProto
        {
            AppAttemptId = new ApplicationAttemptIdProto { ApplicationId = new ApplicationIdProto { ClusterTimestamp = 1_700_000_000_000, Id = 42 }, AttemptId = 3 },
            Id = (2L << 40) | 17,
        };
        var parts = default(ContainerIdParts);
        parts.Read(new ProtoReader(id.ToByteArray()));
        Assert.Equal(ContainerId.FromProto(id).ToString(), parts.ToString());
        Assert.Equal("container_e02_1700000000000_0042_03_000017", parts.ToString());

        // The same field twice: the second occurrence's fields override, the others stay, as MergeFrom does.
        var second = new ContainerIdProto { AppAttemptId = new ApplicationAttemptIdProto { AttemptId = 4 } };
        var twice = id.ToByteArray().Concat(second.ToByteArray()).ToArray();
        var merged = default(ContainerIdParts);
        merged.Read(new ProtoReader(twice));
        Assert.Equal(ContainerId.FromProto(ContainerIdProto.Parser.ParseFrom(twice)).ToString(), merged.ToString());
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped_as_the_library_skips_them()
    {
        var bytes = WireVectors.Write(o =>
        {
            o.WriteTag(100, WireFormat.WireType.Varint);
            o.WriteInt64(-1);
            o.WriteTag(3, WireFormat.WireType.Varint); // ContainerIdProto.id
            o.WriteInt64(7);
            o.WriteTag(101, WireFormat.WireType.Fixed64);
            o.WriteFixed64(9);
            o.WriteTag(102, WireFormat.WireType.LengthDelimited);
            o.WriteString("ignored");
            o.WriteTag(103, WireFormat.WireType.StartGroup);
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt32(1);
            o.WriteTag(2, WireFormat.WireType.StartGroup); // a group inside the group
            o.WriteTag(1, WireFormat.WireType.Fixed32);
            o.WriteFixed32(5);
            o.WriteTag(2, WireFormat.WireType.EndGroup);
            o.WriteTag(103, WireFormat.WireType.EndGroup);
            o.WriteTag(104, WireFormat.WireType.Fixed32);
            o.WriteFixed32(11);
            o.WriteTag(3, WireFormat.WireType.Fixed32); // the known field number with another wire type: unknown too
            o.WriteFixed32(99);
        });

        var parts = default(ContainerIdParts);
        parts.Read(new ProtoReader(bytes));

        Assert.Equal(7, ContainerIdProto.Parser.ParseFrom(bytes).Id);
        Assert.Equal(7, parts.Id);
    }

    [Fact]
    public void Every_truncation_is_refused_where_the_library_refuses_it()
    {
        var message = new ContainerStatusProto
        {
            ContainerId = new ContainerIdProto { Id = 300, AppAttemptId = new ApplicationAttemptIdProto { AttemptId = 1 } },
            Diagnostics = "exited with code 1",
            ExitStatus = -1,
            Capability = new ResourceProto { Memory = 2048, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 1 } } },
        };
        var bytes = WireVectors.Write(o =>
        {
            message.WriteTo(o);
            o.WriteTag(50, WireFormat.WireType.StartGroup);
            o.WriteTag(1, WireFormat.WireType.Fixed64);
            o.WriteFixed64(1);
            o.WriteTag(50, WireFormat.WireType.EndGroup);
            o.WriteTag(51, WireFormat.WireType.Fixed32);
            o.WriteFixed32(1);
        });

        for (var length = 0; length <= bytes.Length; length++)
        {
            var prefix = bytes[..length];
            var libraryRefuses = WireVectors.Refuses(() => Empty.Parser.ParseFrom(prefix)); // keeps every field as unknown: checks framing only
            Assert.True(libraryRefuses == WireVectors.Refuses(() => SkipAll(prefix)), $"prefix of {length} bytes: library refuses {libraryRefuses}");
        }
    }

    [Theory]
    [InlineData("00", "tag")] // field 0
    [InlineData("0f", "tag")] // wire type 7
    [InlineData("0e", "tag")] // wire type 6
    [InlineData("08ffffffffffffffffffff01", "more than ten bytes")] // an eleven-byte varint
    [InlineData("08ff", "Truncated varint")]
    [InlineData("12ffffffff0f", "length")] // a length past int.MaxValue
    [InlineData("1205616263", "Truncated length-delimited")]
    [InlineData("0c", "without its start-group")] // end-group at the top
    [InlineData("0b1408", "without its start-group")] // start-group of field 1 closed by the end-group of field 2
    [InlineData("0b", "no end-group tag")]
    [InlineData("2d0102", "Truncated fixed32")]
    [InlineData("29010203", "Truncated fixed64")]
    public void Malformed_input_is_refused_with_what_and_where(string hex, string what)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.Throws<InvalidProtocolBufferException>(() => Empty.Parser.ParseFrom(bytes));
        var ex = Assert.Throws<ProtoWireException>(() => SkipAll(bytes));
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Offset, 0, bytes.Length);
    }

    [Fact]
    public void Offsets_in_nested_messages_count_from_the_outermost_message()
    {
        // Field 1 holds a 3-byte message whose varint, at byte 3 of the whole, is cut short.
        var bytes = Convert.FromHexString("0a03" + "0880" + "80");
        var r = new ProtoReader(bytes);
        Assert.True(r.TryReadTag(out _));
        var nested = r.ReadMessage();
        Assert.True(nested.TryReadTag(out _));

        ProtoWireException? refused = null;
        try
        {
            nested.ReadVarint();
        }
        catch (ProtoWireException ex)
        {
            refused = ex;
        }

        Assert.Equal(3, refused?.Offset);
    }

    [Fact]
    public void A_generated_parser_reads_a_field_and_its_required_fields_are_checked()
    {
        var complete = new Google.Protobuf.WellKnownTypes.StringValue { Value = "x" };
        var token = new YarnDL.Hadoop.Protos.Common.TokenProto { Identifier = ByteString.CopyFrom(1), Password = ByteString.CopyFrom(2), Kind = "k" }; // no service
        var bytes = WireVectors.Write(o =>
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited);
            o.WriteMessage(complete);
            o.WriteTag(2, WireFormat.WireType.LengthDelimited);
            o.WriteMessage(token);
        });

        var r = new ProtoReader(bytes);
        Assert.True(r.TryReadTag(out _));
        Assert.Equal("x", r.ReadMessage(StringValue.Parser).Value);
        Assert.True(r.TryReadTag(out _));
        ProtoWireException? refused = null;
        try
        {
            r.ReadMessage(YarnDL.Hadoop.Protos.Common.TokenProto.Parser);
        }
        catch (ProtoWireException ex)
        {
            refused = ex;
        }

        Assert.Contains("TokenProto lacks required fields", refused?.Message, StringComparison.Ordinal);
    }

    private static ref ProtoReader Next(ref ProtoReader r, int field)
    {
        Assert.True(r.TryReadTag(out var tag));
        Assert.Equal(field, ProtoReader.FieldOf(tag));
        return ref r;
    }

    private static void SkipAll(byte[] bytes)
    {
        var r = new ProtoReader(bytes);
        while (r.TryReadTag(out _))
        {
            r.SkipLastField();
        }
    }
}
