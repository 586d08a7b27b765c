using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Bench.Gemm;

/// <summary>The machine's practical FMA limit at the GEMM kernel's width (Vector256): 12 independent FMA chains
/// per thread, enough to cover the FMA latency on every port.</summary>
internal static class FmaPeak
{
    /// <summary>Vector width the peak is measured at; the GEMM micro-kernel uses the same.</summary>
    public const int VectorBits = 256;

    /// <summary>Chain iterations of one timed run: about as long as one 1024³ GEMM, so both see the same load.</summary>
    public const long RunIterations = 6_000_000;

    /// <summary>Seconds for one run of <paramref name="iterations"/> on <paramref name="threads"/> threads.</summary>
    public static double Time(int threads, long iterations)
    {
        var t0 = Stopwatch.GetTimestamp();
        Run(threads, iterations);
        return Stopwatch.GetElapsedTime(t0).TotalSeconds;
    }

    public static double Gflops(int threads, long iterations, double seconds) => threads * iterations * 12.0 * 16 / seconds / 1e9;

    private static void Run(int threads, long iterations)
    {
        var sink = new float[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => sink[t] = Chains(iterations, t));
        GC.KeepAlive(sink);
    }

    private static float Chains(long iterations, int seed)
    {
        var m = Vector256.Create(0.999f);
        var k = Vector256.Create(0.001f * (seed + 1));
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector256<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
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
        }

        var s = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
        return Vector256.Sum(s);
    }
}
