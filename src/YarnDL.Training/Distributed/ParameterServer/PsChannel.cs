using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>One TCP connection carrying frames: int32 op, int64 arg, int32 float count, then the floats (little-endian).</summary>
internal sealed class PsChannel(Socket socket, string peer) : IDisposable
{
    private const int HeaderBytes = 16;
    private readonly byte[] _header = new byte[HeaderBytes];
    private float[] _payload = new float[1024];

    public string Peer { get; } = peer;

    /// <summary>Payload of the last frame received; valid until the next receive.</summary>
    public ReadOnlySpan<float> Payload => _payload.AsSpan(0, PayloadCount);

    public int PayloadCount { get; private set; }

    public void Send(PsOp op, long arg, ReadOnlySpan<float> first = default, ReadOnlySpan<float> second = default)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_header, (int)op);
        BinaryPrimitives.WriteInt64LittleEndian(_header.AsSpan(4), arg);
        BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(12), first.Length + second.Length);
        SendAll(_header);
        SendAll(MemoryMarshal.AsBytes(first));
        SendAll(MemoryMarshal.AsBytes(second));
    }

    /// <summary>Receives one frame; returns its op and arg, payload in <see cref="Payload"/>.</summary>
    public (PsOp Op, long Arg) Receive()
    {
        ReceiveAll(_header);
        var op = (PsOp)BinaryPrimitives.ReadInt32LittleEndian(_header);
        var arg = BinaryPrimitives.ReadInt64LittleEndian(_header.AsSpan(4));
        var count = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(12));
        if (count < 0)
        {
            throw new PsProtocolException($"{Peer}: negative payload length {count}");
        }

        if (count > _payload.Length)
        {
            _payload = new float[count];
        }

        PayloadCount = count;
        ReceiveAll(MemoryMarshal.AsBytes(_payload.AsSpan(0, count)));
        return (op, arg);
    }

    public (PsOp Op, long Arg) Expect(PsOp expected)
    {
        var frame = Receive();
        return frame.Op == expected ? frame : throw new PsProtocolException($"{Peer}: expected {expected}, got {frame.Op}");
    }

    public void Dispose() => socket.Dispose();

    private void SendAll(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }

    private void ReceiveAll(Span<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var n = socket.Receive(bytes);
            if (n == 0)
            {
                throw new PsProtocolException($"{Peer} closed the connection in the middle of a frame");
            }

            bytes = bytes[n..];
        }
    }
}
