using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Bench.Gemm;

/// <summary>The machine's practical FMA limit: 12 independent Vector256 FMA chains per thread.</summary>
internal static class FmaPeak
{
    private const long Iterations = 50_000_000;

    public static double Measure(int threads)
    {
        Run(threads, Iterations / 10);
        var best = double.MaxValue;
        for (var rep = 0; rep < 3; rep++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Run(threads, Iterations);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        return threads * Iterations * 12.0 * 16 / best / 1e9;
    }

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
