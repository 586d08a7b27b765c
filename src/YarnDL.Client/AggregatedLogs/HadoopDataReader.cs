using System.Buffers.Binary;
using System.Text;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// Reads the primitives Hadoop writes: Java's big-endian <c>DataOutput</c> (ints, longs, <c>writeUTF</c>) and TFile's own
/// variable-length integers (<c>org.apache.hadoop.io.file.tfile.Utils.writeVLong</c>, not <c>WritableUtils</c>'s encoding).
/// Every read past the end throws <see cref="AggregatedLogFormatException"/> naming <see cref="Source"/> and the offset.
/// </summary>
internal sealed class HadoopDataReader(ReadOnlyMemory<byte> data, string source)
{
    public string Source { get; } = source;

    public int Position { get; set; }

    public int Length => data.Length;

    public bool AtEnd => Position >= data.Length;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        if (count < 0 || count > data.Length - Position)
        {
            throw Corrupt($"{count} bytes requested, {data.Length - Position} left");
        }

        var slice = data.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>TFile's VLong: one byte for -32..127, else a first byte saying how many bytes follow.</summary>
    public long ReadVLong()
    {
        int first = (sbyte)ReadByte();
        if (first >= -32)
        {
            return first;
        }

        switch ((first + 128) / 8)
        {
            case >= 7:
                return ((first + 52) << 8) | ReadByte();
            case >= 3:
                return ((first + 88) << 16) | ReadUInt16();
            case >= 1:
                return ((first + 112) << 24) | (ReadUInt16() << 8) | ReadByte();
            default:
                var length = first + 129;
                return length switch
                {
                    4 => ReadInt32(),
                    5 => ((long)ReadInt32() << 8) | ReadByte(),
                    6 => ((long)ReadInt32() << 16) | ReadUInt16(),
                    7 => ((long)ReadInt32() << 24) | ((long)ReadUInt16() << 8) | ReadByte(),
                    8 => ReadInt64(),
                    _ => throw Corrupt($"VLong with {length} bytes"),
                };
        }
    }

    /// <summary>TFile's VInt: a VLong that must fit an int.</summary>
    public int ReadVInt()
    {
        var at = Position;
        var value = ReadVLong();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Corrupt($"VInt {value} at {at} overflows an int");
    }

    /// <summary>TFile's string: a VInt byte length (-1 for null, read as empty) and UTF-8 bytes.</summary>
    public string ReadTFileString()
    {
        var length = ReadVInt();
        return length == -1 ? string.Empty : Encoding.UTF8.GetString(ReadBytes(length).Span);
    }

    /// <summary>Java's <c>DataInput.readUTF</c>: an unsigned 16-bit byte count and modified UTF-8.</summary>
    public string ReadJavaUtf()
    {
        var bytes = ReadBytes(ReadUInt16()).Span;
        var chars = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                chars.Append((char)b);
                i++;
            }
            else if ((b & 0xE0) == 0xC0 && i + 1 < bytes.Length)
            {
                chars.Append((char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
                i += 2;
            }
            else if ((b & 0xF0) == 0xE0 && i + 2 < bytes.Length)
            {
                chars.Append((char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
            }
            else
            {
                throw Corrupt($"malformed modified UTF-8 byte 0x{b:x2} in a writeUTF string");
            }
        }

        return chars.ToString();
    }

    public AggregatedLogFormatException Corrupt(string what) => new(Source, Position, what);

    private ReadOnlySpan<byte> Take(int count) => ReadBytes(count).Span;
}
