using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace YarnDL.MiniCluster.LogAggregation;

/// <summary>
/// The primitives a NodeManager's TFile writer emits: Java <c>DataOutput</c> big-endian ints and <c>writeUTF</c>, and
/// TFile's own VInt/VLong (<c>org.apache.hadoop.io.file.tfile.Utils.writeVLong</c>) and strings.
/// </summary>
internal sealed class TFileOutput
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public long Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Write(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteByte(int b) => _buffer.Write([(byte)b]);

    public void WriteInt16(int v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(b, (short)v);
        Write(b);
    }

    public void WriteInt32(int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, v);
        Write(b);
    }

    public void WriteInt64(long v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, v);
        Write(b);
    }

    /// <summary>Java <c>writeUTF</c>: a 16-bit byte count and modified UTF-8 (NUL as two bytes, surrogates one by one).</summary>
    public void WriteJavaUtf(string s)
    {
        var bytes = new List<byte>(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\u0001' and <= '\u007f')
            {
                bytes.Add((byte)c);
            }
            else if (c <= '\u07ff')
            {
                bytes.Add((byte)(0xC0 | (c >> 6)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
        }

        if (bytes.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"writeUTF string of {bytes.Count} bytes exceeds 65535", nameof(s));
        }

        WriteInt16(bytes.Count);
        Write(bytes.ToArray());
    }

    /// <summary>TFile's VLong: one byte for -32..127, else a length-tagged first byte and 1 to 8 big-endian bytes.</summary>
    public void WriteVLong(long n)
    {
        if (n is < 128 and >= -32)
        {
            WriteByte((int)n);
            return;
        }

        var un = n < 0 ? ~n : n;
        var len = ((64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)un)) / 8) + 1;
        var first = (int)(n >> ((len - 1) * 8));
        if (len == 1)
        {
            first >>= 8;
            len = 2;
        }

        if (len == 2 && first is < 20 and >= -20)
        {
            WriteByte(first - 52);
            WriteByte((int)n);
            return;
        }

        if (len == 2)
        {
            first >>= 8;
            len = 3;
        }

        if (len == 3 && first is < 16 and >= -16)
        {
            WriteByte(first - 88);
            WriteInt16((int)n);
            return;
        }

        if (len == 3)
        {
            first >>= 8;
            len = 4;
        }

        if (len == 4 && first is < 8 and >= -8)
        {
            WriteByte(first - 112);
            WriteInt16((int)n >>> 8);
            WriteByte((int)n);
            return;
        }

        WriteByte(len - 129);
        switch (len)
        {
            case 4: WriteInt32((int)n); break;
            case 5: WriteInt32((int)(n >>> 8)); WriteByte((int)n); break;
            case 6: WriteInt32((int)(n >>> 16)); WriteInt16((int)n); break;
            case 7: WriteInt32((int)(n >>> 24)); WriteInt16((int)(n >>> 8)); WriteByte((int)n); break;
            default: WriteInt64(n); break;
        }
    }

    /// <summary>TFile's string: a VInt byte length and UTF-8.</summary>
    public void WriteString(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        WriteVLong(bytes.Length);
        Write(bytes);
    }
}
