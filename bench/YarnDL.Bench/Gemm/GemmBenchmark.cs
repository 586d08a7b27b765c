using System.Diagnostics;
using System.Globalization;
using YarnDL.Training.Compute.Cpu;

namespace YarnDL.Bench.Gemm;

/// <summary>fp32 1024³ GEMM on 2 threads against an FMA loop of the same vector width on 2 threads. The two are timed
/// alternately, run for run, and each keeps its best: on a shared machine both then see the same neighbours.</summary>
internal sealed class GemmBenchmark : IBenchmark
{
    private const int Size = 1024;
    private const int Threads = 2;
    private const int Rounds = 30;

    public string Name => "gemm";

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var a = Fill(Size * Size, 1);
        var b = Fill(Size * Size, 2);
        var c = new float[Size * Size];
        using var cpu = new CpuBackend(Threads);
        cpu.Gemm(false, false, Size, Size, Size, a, b, c, 0f);
        FmaPeak.Time(Threads, FmaPeak.RunIterations);
        double gemm = double.MaxValue, peak = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var t0 = Stopwatch.GetTimestamp();
            cpu.Gemm(false, false, Size, Size, Size, a, b, c, 0f);
            gemm = Math.Min(gemm, Stopwatch.GetElapsedTime(t0).TotalSeconds);
            peak = Math.Min(peak, FmaPeak.Time(Threads, FmaPeak.RunIterations));
        }

        var error = SpotCheck(a, b, c);
        var gemmGflops = 2.0 * Size * Size * Size / gemm / 1e9;
        var peakGflops = FmaPeak.Gflops(Threads, FmaPeak.RunIterations, peak);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"gemm_backend={cpu.Name} vector_bits={FmaPeak.VectorBits} threads={Threads} rounds={Rounds}"));
        output.WriteLine(string.Create(inv, $"gemm_max_rel_error={error:E1}"));
        output.WriteLine(string.Create(inv, $"gemm_gflops={gemmGflops:F1}"));
        output.WriteLine(string.Create(inv, $"fma_peak_gflops={peakGflops:F1}"));
        output.WriteLine(string.Create(inv, $"gemm_vs_fma_peak={gemmGflops / peakGflops:F3}"));
        return Task.FromResult(error < 1e-4 ? 0 : 1);
    }

    /// <summary>Largest relative error of a few entries against a double-precision dot product: a fast wrong kernel fails.</summary>
    private static double SpotCheck(float[] a, float[] b, float[] c)
    {
        var rng = new Random(3);
        var worst = 0.0;
        for (var s = 0; s < 32; s++)
        {
            var i = rng.Next(Size);
            var j = rng.Next(Size);
            double sum = 0;
            for (var p = 0; p < Size; p++)
            {
                sum += (double)a[(i * Size) + p] * b[(p * Size) + j];
            }

            worst = Math.Max(worst, Math.Abs(c[(i * Size) + j] - sum) / Math.Abs(sum));
        }

        return worst;
    }

    private static float[] Fill(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)r.NextDouble())];
    }
}
