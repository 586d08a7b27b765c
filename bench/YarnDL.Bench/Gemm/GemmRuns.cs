using System.Diagnostics;
using System.Globalization;
using YarnDL.Training.Compute.Cpu;

namespace YarnDL.Bench.Gemm;

/// <summary>The timed part of <see cref="GemmBenchmark"/> (in the child). For each size and thread count our GEMM,
/// OpenBLAS, our forced-AVX2 GEMM and (at 1024³) the FMA loop are timed in turn, round after round, and each keeps
/// its best: on a shared machine all of them then see the same neighbours.</summary>
internal static class GemmRuns
{
    private const int DefaultRounds = 40;

    /// <summary>Before each timed two-thread run: long enough for the previous run's spinning pool threads (OpenBLAS
    /// spins about 2^28 cycles after a call; .NET's pool briefly too) to go to sleep, so one run does not slow the next.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(120);

    private static readonly (int Size, int Threads)[] Cases = [(1024, 1), (1024, 2), (256, 1), (256, 2)];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var rounds = args.Count > 0 && int.TryParse(args[0], inv, out var r) && r > 0 ? r : DefaultRounds;
        var load = File.Exists("/proc/loadavg") ? string.Join(',', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var blas = OpenBlas.TryLoad(out var missing);
        output.WriteLine(string.Create(inv, $"gemm_backend={new CpuBackend(1).Name.Split(' ')[0]} vector_bits={PackedGemm.VectorBits} fma_peak_vector_bits={FmaPeak.VectorBits} rounds={rounds} load_before={load}"));
        output.WriteLine(blas is null
            ? $"openblas=missing ({missing})"
            : $"openblas_core={blas.CoreName} openblas_library={blas.Path}");

        var results = new List<(int Size, int Threads, double Ours, double Avx2, double Theirs, double Peak)>();
        var worst = 0.0;
        foreach (var (size, threads) in Cases)
        {
            var (res, error) = await TimeCaseAsync(size, threads, rounds, blas);
            worst = Math.Max(worst, error);
            results.Add((size, threads, res.Ours, res.Avx2, res.Theirs, res.Peak));
            output.WriteLine(string.Create(inv, $"gemm_{size}_t{threads}_gflops={res.Ours:F1} gemm_avx2_{size}_t{threads}_gflops={res.Avx2:F1}")
                + (blas is null ? "" : string.Create(inv, $" openblas_{size}_t{threads}_gflops={res.Theirs:F1}"))
                + (res.Peak > 0 ? string.Create(inv, $" fma_peak_t{threads}_gflops={res.Peak:F1}") : ""));
        }

        output.WriteLine(string.Create(inv, $"gemm_max_rel_error={worst:E1} load_after={(File.Exists("/proc/loadavg") ? string.Join(',', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?")}"));
        var t1 = results.Single(x => x is { Size: 1024, Threads: 1 });
        var t2 = results.Single(x => x is { Size: 1024, Threads: 2 });
        output.WriteLine(string.Create(inv, $"gemm_vs_avx2_1024_t1={t1.Ours / t1.Avx2:F3} gemm_vs_avx2_1024_t2={t2.Ours / t2.Avx2:F3}"));
        output.WriteLine(string.Create(inv, $"gemm_vs_fma_peak_t1={t1.Ours / t1.Peak:F3}"));
        output.WriteLine(string.Create(inv, $"gemm_vs_fma_peak={t2.Ours / t2.Peak:F3}"));
        if (blas is not null)
        {
            foreach (var x in results)
            {
                output.WriteLine(string.Create(inv, $"gemm_vs_openblas_{x.Size}_t{x.Threads}={x.Ours / x.Theirs:F3}"));
            }
        }

        return worst < 1e-4 ? 0 : 1;
    }

    /// <summary>Best GFLOP/s of each contender on one case, and the worst relative error of ours against a
    /// double-precision spot check.</summary>
    private static async Task<((double Ours, double Avx2, double Theirs, double Peak) Best, double Error)> TimeCaseAsync(int size, int threads, int rounds, OpenBlas? blas)
    {
        var a = Fill(size * size, 1);
        var b = Fill(size * size, 2);
        var c = new float[size * size];
        var theirs = new float[size * size];

        // One timing covers several calls at 256³ (a fraction of a millisecond each), so the clock's grain does not count.
        var calls = Math.Max(1, (1024 / size) * (1024 / size) * (1024 / size) / 2);
        var flops = 2.0 * size * size * size * calls;
        var peakIterations = FmaPeak.RunIterations;
        blas?.SetThreads(threads);
        double ours = 0, avx2 = 0, other = 0, peak = 0;
        for (var round = -1; round < rounds; round++)
        {
            var o = await TimeAsync(threads, calls, () => PackedGemm.Multiply(false, false, size, size, size, a, b, c, 0f, threads));
            var w = await TimeAsync(threads, calls, () => PackedGemm.Multiply(false, false, size, size, size, a, b, c, 0f, threads, 256));
            var t = blas is null ? 0 : await TimeAsync(threads, calls, () => blas.Gemm(false, false, size, size, size, a, b, theirs, 0f));
            var p = size == 1024 ? await SettledPeakAsync(threads, peakIterations) : 0;
            if (round < 0)
            {
                continue; // warm-up: JIT, packing buffers, OpenBLAS's thread pool
            }

            ours = Math.Max(ours, flops / o / 1e9);
            avx2 = Math.Max(avx2, flops / w / 1e9);
            other = t > 0 ? Math.Max(other, flops / t / 1e9) : 0;
            peak = p > 0 ? Math.Max(peak, FmaPeak.Gflops(threads, peakIterations, p)) : 0;
        }

        PackedGemm.Multiply(false, false, size, size, size, a, b, c, 0f, threads);
        return ((ours, avx2, other, peak), SpotCheck(size, a, b, c));
    }

    private static async Task<double> TimeAsync(int threads, int calls, Action gemm)
    {
        if (threads > 1)
        {
            await Task.Delay(Settle, TimeProvider.System);
        }

        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            gemm();
        }

        return Stopwatch.GetElapsedTime(t0).TotalSeconds;
    }

    private static async Task<double> SettledPeakAsync(int threads, long iterations)
    {
        if (threads > 1)
        {
            await Task.Delay(Settle, TimeProvider.System);
        }

        return FmaPeak.Time(threads, iterations);
    }

    /// <summary>Largest relative error of a few entries against a double-precision dot product: a fast wrong kernel fails.</summary>
    private static double SpotCheck(int size, float[] a, float[] b, float[] c)
    {
        var rng = new Random(3);
        var worst = 0.0;
        for (var s = 0; s < 32; s++)
        {
            var i = rng.Next(size);
            var j = rng.Next(size);
            double sum = 0;
            for (var p = 0; p < size; p++)
            {
                sum += (double)a[(i * size) + p] * b[(p * size) + j];
            }

            worst = Math.Max(worst, Math.Abs(c[(i * size) + j] - sum) / Math.Abs(sum));
        }

        return worst;
    }

    private static float[] Fill(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)r.NextDouble())];
    }
}
