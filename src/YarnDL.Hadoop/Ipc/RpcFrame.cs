using System.Buffers.Binary;
using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Builds one Hadoop frame: BE32 length, then each message varint-delimited. Each message is serialized once,
/// straight into the frame, with its length prefix computed from <see cref="IMessage.CalculateSize"/>.</summary>
internal static class RpcFrame
{
    public static byte[] Build(IMessage header, IMessage? first = null, IMessage? second = null)
    {
        var sizes = new Sizes(header, first, second);
        var frame = new byte[sizes.FrameLength];
        sizes.Write(frame, header, first, second);
        return frame;
    }

    /// <summary>The same bytes as <see cref="Build"/>, in a rented array: no per-call array for the calls' hot path.</summary>
    public static PooledFrame Rent(IMessage header, IMessage? first = null, IMessage? second = null)
    {
        var sizes = new Sizes(header, first, second);
        var frame = PooledFrame.Rent(sizes.FrameLength);
        try
        {
            sizes.Write(frame.Buffer, header, first, second);
        }
        catch
        {
            frame.Return();
            throw;
        }

        return frame;
    }

    private static int Delimited(int size) => CodedOutputStream.ComputeLengthSize(size) + size;

    private static int WriteDelimited(Span<byte> frame, int offset, IMessage message, int size)
    {
        var value = (uint)size;
        while (value >= 0x80)
        {
            frame[offset++] = (byte)(value | 0x80);
            value >>= 7;
        }

        frame[offset++] = (byte)value;
        message.WriteTo(frame.Slice(offset, size));
        return offset + size;
    }

    private readonly struct Sizes
    {
        private readonly int _header;
        private readonly int _first;
        private readonly int _second;

        public Sizes(IMessage header, IMessage? first, IMessage? second)
        {
            _header = header.CalculateSize();
            _first = first?.CalculateSize() ?? 0;
            _second = second?.CalculateSize() ?? 0;
            BodyLength = Delimited(_header)
                + (first is null ? 0 : Delimited(_first))
                + (second is null ? 0 : Delimited(_second));
        }

        public int BodyLength { get; }

        public int FrameLength => 4 + BodyLength;

        public void Write(Span<byte> frame, IMessage header, IMessage? first, IMessage? second)
        {
            BinaryPrimitives.WriteInt32BigEndian(frame, BodyLength);
            var offset = WriteDelimited(frame, 4, header, _header);
            if (first is not null)
            {
                offset = WriteDelimited(frame, offset, first, _first);
            }

            if (second is not null)
            {
                WriteDelimited(frame, offset, second, _second);
            }
        }
    }
}
