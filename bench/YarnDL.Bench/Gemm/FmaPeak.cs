using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Bench.Gemm;

/// <summary>The machine's practical FMA limit at the widest vectors it has: Vector512 where AVX-512F is present, else
/// Vector256. Sixteen independent FMA chains per thread, twice what two FMA pipes of four cycles' latency need.</summary>
internal static class FmaPeak
{
    private const int Chains = 16;

    /// <summary>Chain iterations of one timed run: 1 GFLOP per thread at 512 bits, about 5 ms, shorter than one
    /// 1024³ GEMM. On a shared VM many runs are slowed (a busy neighbour on the sibling hardware thread halves the
    /// FMA rate), so short runs, alternated with the GEMMs, and the best of many rounds find the real limit.</summary>
    public const long RunIterations = 2_000_000;

    /// <summary>Vector width the peak is measured at.</summary>
    public static int VectorBits => Avx512F.IsSupported ? 512 : 256;

    /// <summary>Seconds for one run of <paramref name="iterations"/> on <paramref name="threads"/> threads, all of them
    /// running together: the extra threads are dedicated ones, started and spinning on a start flag before the clock is
    /// read, and the calling thread runs the first share itself; the run ends when the last thread finishes. (Timing
    /// around a thread-pool loop would count waking a parked pool thread, a large part of a 5 ms run.)</summary>
    public static double Time(int threads, long iterations)
    {
        var ends = new long[threads];
        var sink = new float[threads];
        var ready = 0;
        var go = 0;
        var helpers = new Thread[threads - 1];
        for (var t = 1; t < threads; t++)
        {
            var index = t;
            helpers[t - 1] = new Thread(() =>
            {
                Interlocked.Increment(ref ready);
                while (Volatile.Read(ref go) == 0)
                {
                    // spin: a sleeping thread would have to be woken inside the timed run
                }

                sink[index] = Run(iterations, index);
                ends[index] = Stopwatch.GetTimestamp();
            })
            { IsBackground = true, Name = "fma-peak-" + index };
            helpers[t - 1].Start();
        }

        while (Volatile.Read(ref ready) < threads - 1)
        {
            Thread.Yield();
        }

        var t0 = Stopwatch.GetTimestamp();
        Volatile.Write(ref go, 1);
        sink[0] = Run(iterations, 0);
        ends[0] = Stopwatch.GetTimestamp();
        foreach (var helper in helpers)
        {
            helper.Join();
        }

        GC.KeepAlive(sink);
        return Stopwatch.GetElapsedTime(t0, ends.Max()).TotalSeconds;
    }

    private static float Run(long iterations, int seed) => Avx512F.IsSupported ? Chains512(iterations, seed) : Chains256(iterations, seed);

    public static double Gflops(int threads, long iterations, double seconds) =>
        threads * iterations * Chains * 2.0 * (VectorBits / 32) / seconds / 1e9;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Chains512(long iterations, int seed)
    {
        var m = Vector512.Create(0.999f);
        var k = Vector512.Create(0.001f * (seed + 1));
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> c8 = default, c9 = default, c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Avx512F.FusedMultiplyAdd(c0, m, k);
            c1 = Avx512F.FusedMultiplyAdd(c1, m, k);
            c2 = Avx512F.FusedMultiplyAdd(c2, m, k);
            c3 = Avx512F.FusedMultiplyAdd(c3, m, k);
            c4 = Avx512F.FusedMultiplyAdd(c4, m, k);
            c5 = Avx512F.FusedMultiplyAdd(c5, m, k);
            c6 = Avx512F.FusedMultiplyAdd(c6, m, k);
            c7 = Avx512F.FusedMultiplyAdd(c7, m, k);
            c8 = Avx512F.FusedMultiplyAdd(c8, m, k);
            c9 = Avx512F.FusedMultiplyAdd(c9, m, k);
            c10 = Avx512F.FusedMultiplyAdd(c10, m, k);
            c11 = Avx512F.FusedMultiplyAdd(c11, m, k);
            c12 = Avx512F.FusedMultiplyAdd(c12, m, k);
            c13 = Avx512F.FusedMultiplyAdd(c13, m, k);
            c14 = Avx512F.FusedMultiplyAdd(c14, m, k);
            c15 = Avx512F.FusedMultiplyAdd(c15, m, k);
        }

        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 + c14 + c15);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Chains256(long iterations, int seed)
    {
        var m = Vector256.Create(0.999f);
        var k = Vector256.Create(0.001f * (seed + 1));
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        Vector256<float> c8 = default, c9 = default, c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Fma.MultiplyAdd(c0, m, k);
            c1 = Fma.MultiplyAdd(c1, m, k);
            c2 = Fma.MultiplyAdd(c2, m, k);
            c3 = Fma.MultiplyAdd(c3, m, k);
            c4 = Fma.MultiplyAdd(c4, m, k);
            c5 = Fma.MultiplyAdd(c5, m, k);
            c6 = Fma.MultiplyAdd(c6, m, k);
            c7 = Fma.MultiplyAdd(c7, m, k);
            c8 = Fma.MultiplyAdd(c8, m, k);
            c9 = Fma.MultiplyAdd(c9, m, k);
            c10 = Fma.MultiplyAdd(c10, m, k);
            c11 = Fma.MultiplyAdd(c11, m, k);
            c12 = Fma.MultiplyAdd(c12, m, k);
            c13 = Fma.MultiplyAdd(c13, m, k);
            c14 = Fma.MultiplyAdd(c14, m, k);
            c15 = Fma.MultiplyAdd(c15, m, k);
        }

        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 + c14 + c15);
    }
}
