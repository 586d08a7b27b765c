using System.Net.Sockets;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace YarnDL.Training.Distributed;

internal sealed partial class RingAllReduce
{
    /// <summary>One ring direction over buffer[off, off+len), on the calling thread. The range is cut into slices of
    /// <c>WorldSize × ChunkFloats</c>; each slice is reduce-scattered then all-gathered in 2(W−1) steps, and every
    /// step sends one chunk then receives one. What a step sends is what the step before received (and reduced), so
    /// it goes out while it is still in cache, with no hand-off to another thread. Deadlock-free while a link's
    /// socket buffers hold more than one chunk: summed over the ring, the bytes sent but not yet received are at most
    /// one chunk per link, so not every sender can be stuck on a full link at once.</summary>
    private void Pass(float[] buffer, int off, int len, Socket send, Socket recv, int pos, float[] scratch)
    {
        var w = WorldSize;
        var slice = w * ChunkFloats;
        for (var s = 0; s < len; s += slice)
        {
            var sliceOff = off + s;
            var sliceLen = Math.Min(slice, len - s);
            var (sendStart, sendCount) = Chunk(sliceOff, sliceLen, pos);
            for (var t = 0; t < 2 * (w - 1); t++)
            {
                var reduce = t < w - 1;
                var chunk = reduce ? Mod(pos - t - 1) : Mod(pos - (t - (w - 1)));
                var (start, count) = Chunk(sliceOff, sliceLen, chunk);
                SendAll(send, buffer, sendStart, sendCount);
                ReceiveChunk(recv, buffer, start, count, reduce, scratch);
                (sendStart, sendCount) = (start, count);
            }
        }
    }

    private static void ReceiveChunk(Socket s, float[] buffer, int start, int count, bool add, float[] scratch)
    {
        if (add)
        {
            ReceiveAll(s, scratch, 0, count);
            AddInto(buffer.AsSpan(start, count), scratch.AsSpan(0, count));
        }
        else
        {
            ReceiveAll(s, buffer, start, count);
        }
    }

    private static void SendAll(Socket s, float[] data, int start, int count) =>
        PolledSocket.SendAll(s, MemoryMarshal.AsBytes(data.AsSpan(start, count)), PeerSockets.IoTimeout);

    private static void ReceiveAll(Socket s, float[] data, int start, int count) =>
        PolledSocket.ReceiveAll(s, MemoryMarshal.AsBytes(data.AsSpan(start, count)), PeerSockets.IoTimeout);

    /// <summary>target[i] += source[i]: element by element, so the sums do not depend on the vector width.
    /// Fully optimised from the first call: at tier 0 the vector operations are calls, several times slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddInto(Span<float> target, ReadOnlySpan<float> source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, target.Length, nameof(source));
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var n = (nuint)target.Length;
        var width = (nuint)Vector<float>.Count;
        nuint i = 0;
        for (; i + width <= n; i += width)
        {
            Vector.StoreUnsafe(Vector.LoadUnsafe(ref t, i) + Vector.LoadUnsafe(ref s, i), ref t, i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref t, i) += Unsafe.Add(ref s, i);
        }
    }
}
