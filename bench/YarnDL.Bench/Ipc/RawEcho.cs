using System.Buffers.Binary;
using System.Net.Sockets;

namespace YarnDL.Bench.Ipc;

/// <summary>Baseline: length-prefixed frames echoed over one loopback TCP connection, FIFO-matched, no protocol work.</summary>
internal sealed class RawEcho : EchoServer
{
    protected override async Task ServeAsync(Socket socket, int responseBytes)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var response = new byte[4 + responseBytes];
        BinaryPrimitives.WriteInt32BigEndian(response, responseBytes);
        var header = new byte[4];
        var body = new byte[1 << 16];
        while (!Stopping.IsCancellationRequested)
        {
            await stream.ReadExactlyAsync(header, Stopping);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            await stream.ReadExactlyAsync(body.AsMemory(0, length), Stopping);
            await stream.WriteAsync(response, Stopping);
        }
    }
}
