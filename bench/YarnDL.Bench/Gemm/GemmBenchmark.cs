using YarnDL.Training.Compute.Cpu;

namespace YarnDL.Bench.Gemm;

/// <summary>fp32 GEMM at 1024³ and 256³ on 1 and 2 threads against OpenBLAS's <c>cblas_sgemm</c> on the same matrices,
/// and against an FMA loop at the CPU's widest vectors. The timed part runs in a child process because OpenBLAS reads
/// <c>OPENBLAS_CORETYPE</c> once, when it is loaded: the child gets the OpenBLAS kernels of the width our GEMM runs at
/// (<c>SkylakeX</c> for 512 bits, <c>Haswell</c> for 256), whatever the environment held (the inherited value is
/// printed). Left alone, Debian's OpenBLAS 0.3.21 does not know AMD Zen 5 and falls back to its AVX2 kernels, which
/// would make the baseline half as fast as the machine allows.</summary>
internal sealed class GemmBenchmark : IBenchmark
{
    /// <summary>The hidden verb of the child process that does the timed runs.</summary>
    public const string ChildVerb = "gemm-runs";

    private const string CoreTypeVariable = "OPENBLAS_CORETYPE";

    public string Name => "gemm";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var inherited = Environment.GetEnvironmentVariable(CoreTypeVariable);
        var coreType = PackedGemm.VectorBits >= 512 ? "SkylakeX" : "Haswell";
        output.WriteLine($"openblas_coretype={coreType} openblas_coretype_inherited={(string.IsNullOrEmpty(inherited) ? "unset" : inherited)}");
        var environment = new Dictionary<string, string> { [CoreTypeVariable] = coreType };

        using var child = BenchProcess.Start([ChildVerb, .. args], environment);
        child.StandardInput.Close();
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            output.WriteLine(line);
        }

        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode;
    }
}
