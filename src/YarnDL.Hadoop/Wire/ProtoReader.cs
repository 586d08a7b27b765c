using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using YarnDL.Hadoop.Ipc;

namespace YarnDL.Hadoop.Wire;

/// <summary>
/// Reads the protobuf encoding from a span without allocating: tags, varints, fixed-width numbers and length-delimited
/// fields, a nested message as a reader over its own bytes. Fields a decoder does not know are skipped with
/// <see cref="SkipLastField"/>, every wire type (groups included) as Google.Protobuf skips them. Truncated or malformed
/// input throws <see cref="ProtoWireException"/> naming the offset.
/// (Google.Protobuf's own <c>ParseContext</c> cannot be created over a span outside the library, and
/// <c>CodedInputStream</c> needs an array and allocates, so neither serves here.)
/// </summary>
public ref struct ProtoReader
{
    /// <summary>Nesting depth of groups skipped, as Google.Protobuf's default recursion limit.</summary>
    private const int GroupDepthLimit = 100;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private int _position;
    private uint _lastTag;

    /// <summary>A reader over <paramref name="data"/>, one message's bytes.</summary>
    public ProtoReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private ProtoReader(ReadOnlySpan<byte> data, int origin)
    {
        _data = data;
        _origin = origin;
    }

    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Offset of the next byte in the outermost message's bytes (for error messages).</summary>
    public readonly int Offset => _origin + _position;

    /// <summary>The field number of a tag.</summary>
    public static int FieldOf(uint tag) => (int)(tag >> 3);

    /// <summary>The wire type of a tag.</summary>
    public static ProtoWireType WireTypeOf(uint tag) => (ProtoWireType)(tag & 7);

    /// <summary>The tag of <paramref name="field"/> with <paramref name="type"/>, as the encoder writes it.</summary>
    public static uint TagOf(int field, ProtoWireType type) => ((uint)field << 3) | (uint)type;

    /// <summary>Reads the next field's tag; false at the end of the message. A tag of field 0 or of wire type 6 or 7 throws.</summary>
    public bool TryReadTag(out uint tag)
    {
        if (AtEnd)
        {
            tag = _lastTag = 0;
            return false;
        }

        var start = Offset;
        var raw = ReadVarint();
        if (raw > uint.MaxValue || (raw >> 3) == 0 || (raw & 7) > 5)
        {
            throw new ProtoWireException($"Invalid tag {raw}", start);
        }

        tag = _lastTag = (uint)raw;
        return true;
    }

    /// <summary>A varint of up to ten bytes; the high bits of a longer value are dropped, as protobuf does.</summary>
    public ulong ReadVarint()
    {
        var start = _position;
        if (!ProtoVarint.TryRead(_data, ref _position, out var value))
        {
            _position = start;
            throw new ProtoWireException(start + 10 <= _data.Length ? "Malformed varint (more than ten bytes)" : "Truncated varint", Offset);
        }

        return value;
    }

    /// <summary>int32 and enum fields: a varint truncated to 32 bits.</summary>
    public int ReadInt32() => unchecked((int)ReadVarint());

    public uint ReadUInt32() => unchecked((uint)ReadVarint());

    public long ReadInt64() => unchecked((long)ReadVarint());

    public ulong ReadUInt64() => ReadVarint();

    public bool ReadBool() => ReadVarint() != 0;

    /// <summary>sint32: zigzag-encoded.</summary>
    public int ReadSInt32()
    {
        var n = unchecked((uint)ReadVarint());
        return unchecked((int)(n >> 1) ^ -(int)(n & 1));
    }

    /// <summary>sint64: zigzag-encoded.</summary>
    public long ReadSInt64()
    {
        var n = ReadVarint();
        return unchecked((long)(n >> 1) ^ -(long)(n & 1));
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "fixed32"));

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "fixed64"));

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4, "float"));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, "double"));

    /// <summary>The bytes of a length-delimited field (bytes, string or message), a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var start = Offset;
        var length = ReadVarint();
        if (length > int.MaxValue)
        {
            throw new ProtoWireException($"Invalid length {length} of a length-delimited field", start);
        }

        return Take((int)length, "length-delimited field");
    }

    /// <summary>A string field, decoded from UTF-8 (invalid sequences become U+FFFD, as Google.Protobuf's reader does).</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>A nested message: a reader over its bytes, whose offsets still count from the outermost message.</summary>
    public ProtoReader ReadMessage()
    {
        var bytes = ReadBytes();
        return new ProtoReader(bytes, Offset - bytes.Length);
    }

    /// <summary>A nested message parsed by its generated parser, for the fields not worth decoding by hand; its proto2
    /// <c>required</c> fields must be set, as the generic IPC path checks.</summary>
    public T ReadMessage<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var start = Offset;
        T message;
        try
        {
            message = parser.ParseFrom(ReadBytes());
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ProtoWireException($"Malformed {typeof(T).Name}: {ex.Message}", start, ex);
        }

        return RequiredFields.AreSet(message) ? message : throw new ProtoWireException($"{typeof(T).Name} lacks required fields", start);
    }

    /// <summary>Skips the field whose tag <see cref="TryReadTag"/> returned last (a group up to its end tag).</summary>
    public void SkipLastField() => Skip(_lastTag, 0);

    /// <summary>Throws the error a decoder reports for a missing proto2 <c>required</c> field.</summary>
    public readonly ProtoWireException MissingRequired(string message, string field) =>
        new($"{message}.{field} is required but missing", Offset);

    private void Skip(uint tag, int depth)
    {
        switch (WireTypeOf(tag))
        {
            case ProtoWireType.Varint:
                ReadVarint();
                break;
            case ProtoWireType.Fixed64:
                Take(8, "fixed64");
                break;
            case ProtoWireType.LengthDelimited:
                ReadBytes();
                break;
            case ProtoWireType.Fixed32:
                Take(4, "fixed32");
                break;
            case ProtoWireType.StartGroup:
                SkipGroup(tag, depth + 1);
                break;
            case ProtoWireType.EndGroup:
                throw new ProtoWireException($"End-group tag of field {FieldOf(tag)} without its start-group tag", Offset);
            default:
                throw new ProtoWireException($"Invalid wire type in tag {tag}", Offset);
        }
    }

    private void SkipGroup(uint startTag, int depth)
    {
        if (depth > GroupDepthLimit)
        {
            throw new ProtoWireException($"Groups nested deeper than {GroupDepthLimit}", Offset);
        }

        var end = TagOf(FieldOf(startTag), ProtoWireType.EndGroup);
        while (TryReadTag(out var tag))
        {
            if (tag == end)
            {
                return;
            }

            Skip(tag, depth);
        }

        throw new ProtoWireException($"Truncated group of field {FieldOf(startTag)} (no end-group tag)", Offset);
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _data.Length - _position)
        {
            throw new ProtoWireException($"Truncated {what}: {count} bytes needed, {_data.Length - _position} left", Offset);
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
