using System.Globalization;
using System.Text;

namespace YarnDL.Hadoop.Wire;

/// <summary>Pieces of the YARN and Hadoop common protos that hand-written decoders share: read in place, their proto2
/// <c>required</c> fields checked as the generic IPC path checks them.</summary>
public static class YarnWire
{
    private static readonly Utf8Interner.Factory NodeIdFactory = static bytes => NodeIdText(new ProtoReader(bytes));

    /// <summary>One ResourceInformationProto: its key (required) and value; the other fields are skipped.</summary>
    public static void ReadResourceInformation(ProtoReader reader, out ReadOnlySpan<byte> key, out long value)
    {
        var hasKey = false;
        key = default;
        value = 0;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    key = reader.ReadBytes();
                    hasKey = true;
                    break;
                case (2 << 3) | 0:
                    value = reader.ReadInt64();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        if (!hasKey)
        {
            throw reader.MissingRequired("ResourceInformationProto", "key");
        }
    }

    /// <summary>Checks the required fields of a ResourceProto whose values are not used (each resource_value_map entry's key).</summary>
    public static void CheckResource(ProtoReader reader)
    {
        while (reader.TryReadTag(out var tag))
        {
            if (tag == ((3 << 3) | 2))
            {
                ReadResourceInformation(reader.ReadMessage(), out _, out _);
            }
            else
            {
                reader.SkipLastField();
            }
        }
    }

    /// <summary>Checks that a TokenProto's bytes hold its four required fields (identifier, password, kind, service).</summary>
    public static void CheckToken(ProtoReader reader)
    {
        var seen = 0;
        while (reader.TryReadTag(out var tag))
        {
            var field = ProtoReader.FieldOf(tag);
            if (field is >= 1 and <= 4 && ProtoReader.WireTypeOf(tag) == ProtoWireType.LengthDelimited)
            {
                seen |= 1 << field;
            }

            reader.SkipLastField();
        }

        if (seen != 0b11110)
        {
            throw reader.MissingRequired("TokenProto", (seen & 2) == 0 ? "identifier" : (seen & 4) == 0 ? "password" : (seen & 8) == 0 ? "kind" : "service");
        }
    }

    /// <summary>A NodeIdProto's <c>host:port</c> text, as <c>NodeId.ToString</c> gives it, from <paramref name="strings"/>
    /// when these bytes were seen lately.</summary>
    public static string NodeIdText(ReadOnlySpan<byte> nodeIdBytes, Utf8Interner strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return strings.Get(nodeIdBytes, NodeIdFactory);
    }

    private static string NodeIdText(ProtoReader reader)
    {
        var host = ReadOnlySpan<byte>.Empty;
        var port = 0;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    host = reader.ReadBytes();
                    break;
                case (2 << 3) | 0:
                    port = reader.ReadInt32();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetString(host)}:{port}");
    }
}
