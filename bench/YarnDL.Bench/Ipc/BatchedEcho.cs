using System.Buffers.Binary;
using System.Net.Sockets;

namespace YarnDL.Bench.Ipc;

/// <summary>Ceiling server: length-prefixed frames over one loopback TCP connection, answered in order with a fixed
/// response and no protocol work. Like any pipelined server it reads whatever has arrived and answers every complete
/// frame in it with one write, as the Hadoop server's writer coalesces its responses.</summary>
internal sealed class BatchedEcho : EchoServer
{
    protected override async Task ServeAsync(Socket socket, int responseBytes)
    {
        var response = new byte[4 + responseBytes];
        BinaryPrimitives.WriteInt32BigEndian(response, responseBytes);
        var input = new byte[1 << 16];
        var output = new byte[1 << 16];
        var have = 0;
        while (true)
        {
            var n = await socket.ReceiveAsync(input.AsMemory(have), SocketFlags.None, Stopping);
            if (n == 0)
            {
                return;
            }

            have += n;
            var (used, frames) = CompleteFrames(input.AsSpan(0, have));
            input.AsSpan(used, have - used).CopyTo(input);
            have -= used;
            if (have == input.Length)
            {
                Array.Resize(ref input, input.Length * 2); // one frame larger than the buffer
            }

            if (output.Length < frames * response.Length)
            {
                output = new byte[frames * response.Length];
            }

            for (var i = 0; i < frames; i++)
            {
                response.CopyTo(output, i * response.Length);
            }

            for (var sent = 0; sent < frames * response.Length;)
            {
                sent += await socket.SendAsync(output.AsMemory(sent, (frames * response.Length) - sent), SocketFlags.None, Stopping);
            }
        }
    }

    /// <summary>Bytes taken by the complete length-prefixed frames at the start of <paramref name="data"/>, and how many.</summary>
    internal static (int Used, int Frames) CompleteFrames(ReadOnlySpan<byte> data)
    {
        var used = 0;
        var frames = 0;
        while (data.Length - used >= 4)
        {
            var length = 4 + BinaryPrimitives.ReadInt32BigEndian(data[used..]);
            if (data.Length - used < length)
            {
                break;
            }

            used += length;
            frames++;
        }

        return (used, frames);
    }
}
