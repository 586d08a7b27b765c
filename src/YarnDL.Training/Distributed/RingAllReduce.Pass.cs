using System.Runtime.CompilerServices;
using System.Numerics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace YarnDL.Training.Distributed;

public sealed partial class RingAllReduce
{
    /// <summary>One ring direction over buffer[off, off+len): reduce-scatter then all-gather, piece by piece.
    /// The k-th piece sent after the first chunk is the k-th piece received, so the sender only waits for it.</summary>
    private void Pass(float[] buffer, int off, int len, Socket send, Socket recv, int pos, float[] scratch, DedicatedWorker senderThread)
    {
        var w = WorldSize;
        var recvPieces = new List<(int Start, int Count, bool Add)>();
        for (var t = 0; t < 2 * (w - 1); t++)
        {
            var chunk = t < w - 1 ? (pos - t - 1 + (2 * w)) % w : (pos - (t - (w - 1)) + (2 * w)) % w;
            AddPieces(recvPieces, off, len, chunk, t < w - 1);
        }

        var firstPieces = new List<(int Start, int Count, bool Add)>();
        AddPieces(firstPieces, off, len, pos, false);
        using var ready = new SemaphoreSlim(0);
        senderThread.Start(
            () =>
            {
                foreach (var p in firstPieces)
                {
                    SendAll(send, buffer, p.Start, p.Count);
                }

                for (var k = 0; k < recvPieces.Count - PiecesOfLastChunk(off, len, pos); k++)
                {
                    ready.Wait();
                    SendAll(send, buffer, recvPieces[k].Start, recvPieces[k].Count);
                }
            });
        try
        {
            foreach (var p in recvPieces)
            {
                if (p.Add)
                {
                    ReceiveAll(recv, scratch, 0, p.Count);
                    AddInto(buffer.AsSpan(p.Start, p.Count), scratch.AsSpan(0, p.Count));
                }
                else
                {
                    ReceiveAll(recv, buffer, p.Start, p.Count);
                }

                ready.Release();
            }
        }
        catch
        {
            send.Dispose();
            throw;
        }

        senderThread.Join();
    }

    private int PiecesOfLastChunk(int off, int len, int pos)
    {
        var last = new List<(int, int, bool)>();
        AddPieces(last, off, len, (pos - (WorldSize - 2) + (2 * WorldSize)) % WorldSize, false);
        return last.Count;
    }

    private void AddPieces(List<(int Start, int Count, bool Add)> pieces, int off, int len, int chunk, bool add)
    {
        var start = off + (int)((long)len * chunk / WorldSize);
        var end = off + (int)((long)len * (chunk + 1) / WorldSize);
        for (var s = start; s < end; s += PieceFloats)
        {
            pieces.Add((s, Math.Min(PieceFloats, end - s), add));
        }
    }

    private static void SendAll(Socket s, float[] data, int start, int count)
    {
        var bytes = MemoryMarshal.AsBytes(data.AsSpan(start, count));
        while (bytes.Length > 0)
        {
            bytes = bytes[s.Send(bytes)..];
        }
    }

    private static void ReceiveAll(Socket s, float[] data, int start, int count)
    {
        var bytes = MemoryMarshal.AsBytes(data.AsSpan(start, count));
        while (bytes.Length > 0)
        {
            var n = s.Receive(bytes);
            if (n == 0)
            {
                throw new RingProtocolException("ring: peer closed the connection during all-reduce");
            }

            bytes = bytes[n..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddInto(Span<float> target, ReadOnlySpan<float> source)
    {
        var i = 0;
        var width = Vector<float>.Count;
        for (; i <= target.Length - width; i += width)
        {
            (new Vector<float>(target[i..]) + new Vector<float>(source[i..])).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
