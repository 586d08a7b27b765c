using System.Buffers.Binary;
using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Builds one Hadoop frame: BE32 length, then each message varint-delimited.</summary>
internal static class RpcFrame
{
    public static byte[] Build(IMessage header, IMessage? first = null, IMessage? second = null)
    {
        var headerSize = header.CalculateSize();
        var firstSize = first?.CalculateSize() ?? 0;
        var secondSize = second?.CalculateSize() ?? 0;
        var length = Delimited(headerSize)
            + (first is null ? 0 : Delimited(firstSize))
            + (second is null ? 0 : Delimited(secondSize));
        var frame = new byte[4 + length];
        BinaryPrimitives.WriteInt32BigEndian(frame, length);
        var offset = 4;
        offset = WriteDelimited(frame, offset, header, headerSize);
        if (first is not null)
        {
            offset = WriteDelimited(frame, offset, first, firstSize);
        }

        if (second is not null)
        {
            WriteDelimited(frame, offset, second, secondSize);
        }

        return frame;
    }

    private static int Delimited(int size) => CodedOutputStream.ComputeLengthSize(size) + size;

    private static int WriteDelimited(byte[] frame, int offset, IMessage message, int size)
    {
        var value = (uint)size;
        while (value >= 0x80)
        {
            frame[offset++] = (byte)(value | 0x80);
            value >>= 7;
        }

        frame[offset++] = (byte)value;
        message.WriteTo(frame.AsSpan(offset, size));
        return offset + size;
    }
}
