using System.Diagnostics;
using System.Globalization;
using YarnDL.Training.Compute.Cpu;

namespace YarnDL.Bench.Gemm;

/// <summary>fp32 1024³ GEMM on 2 threads against an FMA loop on 2 threads, measured in the same run.</summary>
internal sealed class GemmBenchmark : IBenchmark
{
    private const int Size = 1024;
    private const int Threads = 2;

    public string Name => "gemm";

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var a = Fill(Size * Size, 1);
        var b = Fill(Size * Size, 2);
        var c = new float[Size * Size];
        using var cpu = new CpuBackend(Threads);
        cpu.Gemm(false, false, Size, Size, Size, a, b, c, 0f);
        var best = double.MaxValue;
        for (var rep = 0; rep < 7; rep++)
        {
            var t0 = Stopwatch.GetTimestamp();
            cpu.Gemm(false, false, Size, Size, Size, a, b, c, 0f);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        var gemm = 2.0 * Size * Size * Size / best / 1e9;
        var peak = FmaPeak.Measure(Threads);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"gemm_gflops={gemm:F1}"));
        output.WriteLine(string.Create(inv, $"fma_peak_gflops={peak:F1}"));
        output.WriteLine(string.Create(inv, $"gemm_vs_fma_peak={gemm / peak:F3}"));
        return Task.FromResult(0);
    }

    private static float[] Fill(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)r.NextDouble())];
    }
}
