namespace YarnDL.Training.Distributed;

internal sealed partial class RingAllReduce
{
    /// <summary>Largest chunk (floats) sent without a helper thread: it fits the kernel's socket buffers,
    /// so every rank can send first and receive after without deadlock.</summary>
    internal const int SmallChunkFloats = 32 * 1024;

    /// <summary>Both directions on the calling thread, one whole chunk per step: for small buffers the thread
    /// hand-offs of the pipelined path cost more than the bytes. Same additions in the same order as the
    /// pipelined path, so the results are bit-identical to it.</summary>
    private void SmallPasses(float[] buffer, int half, int ccwPos)
    {
        var w = WorldSize;
        var len = buffer.Length;
        for (var t = 0; t < 2 * (w - 1); t++)
        {
            var reduce = t < w - 1;
            var u = t - (w - 1);
            var (cwSend, cwRecv) = reduce ? (Mod(Rank - t), Mod(Rank - t - 1)) : (Mod(Rank + 1 - u), Mod(Rank - u));
            var (ccSend, ccRecv) = reduce ? (Mod(ccwPos - t), Mod(ccwPos - t - 1)) : (Mod(ccwPos + 1 - u), Mod(ccwPos - u));
            var (s0, n0) = Chunk(0, half, cwSend);
            var (s1, n1) = Chunk(half, len - half, ccSend);
            SendAll(_right, buffer, s0, n0);
            SendAll(_left, buffer, s1, n1);
            var (r0, m0) = Chunk(0, half, cwRecv);
            var (r1, m1) = Chunk(half, len - half, ccRecv);
            ReceiveChunk(_left, buffer, r0, m0, reduce, _scratchCw);
            ReceiveChunk(_right, buffer, r1, m1, reduce, _scratchCcw);
        }
    }

    private int Mod(int x) => ((x % WorldSize) + WorldSize) % WorldSize;

    private (int Start, int Count) Chunk(int off, int len, int chunk)
    {
        var start = off + (int)((long)len * chunk / WorldSize);
        var end = off + (int)((long)len * (chunk + 1) / WorldSize);
        return (start, end - start);
    }
}
