using System.Runtime.InteropServices;

namespace YarnDL.Bench.Gemm;

/// <summary>OpenBLAS's <c>cblas_sgemm</c>, loaded at run time from Debian's <c>libopenblas0-pthread</c> (the benchmark's
/// baseline; nothing else in YarnDL links it). Never unloaded: its worker threads live as long as the process.</summary>
internal sealed unsafe class OpenBlas
{
    /// <summary>Where Debian installs the pthread build, then the names the loader resolves through alternatives.</summary>
    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "libopenblas.so.0",
    ];

    private const int RowMajor = 101;
    private const int NoTrans = 111;
    private const int Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;
    private readonly delegate* unmanaged<int, void> setThreads;
    private readonly delegate* unmanaged<nint> coreName;

    private OpenBlas(nint handle, string path)
    {
        Path = path;
        sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(handle, "cblas_sgemm");
        setThreads = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(handle, "openblas_set_num_threads");
        coreName = (delegate* unmanaged<nint>)NativeLibrary.GetExport(handle, "openblas_get_corename");
    }

    /// <summary>The file the library was loaded from.</summary>
    public string Path { get; }

    /// <summary>The kernel family OpenBLAS picked for this CPU (e.g. <c>SkylakeX</c>, <c>Haswell</c>).</summary>
    public string CoreName => Marshal.PtrToStringAnsi(coreName()) ?? "unknown";

    /// <summary>Loads the first candidate that exports the three functions; null with the reason when none does.</summary>
    public static OpenBlas? TryLoad(out string reason)
    {
        var tried = new List<string>();
        foreach (var path in Candidates)
        {
            if (!NativeLibrary.TryLoad(path, out var h))
            {
                tried.Add($"{path}: not found");
                continue;
            }

            if (NativeLibrary.TryGetExport(h, "cblas_sgemm", out _) && NativeLibrary.TryGetExport(h, "openblas_set_num_threads", out _)
                && NativeLibrary.TryGetExport(h, "openblas_get_corename", out _))
            {
                reason = "";
                return new OpenBlas(h, path);
            }

            NativeLibrary.Free(h);
            tried.Add($"{path}: lacks cblas_sgemm/openblas_set_num_threads/openblas_get_corename");
        }

        reason = $"{string.Join("; ", tried)}; install Debian's libopenblas0-pthread";
        return null;
    }

    public void SetThreads(int threads) => setThreads(threads);

    /// <summary>Row-major C = op(A)·op(B) + beta·C, the operands laid out as <c>PackedGemm</c> takes them.</summary>
    public void Gemm(bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[] c, float beta)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, 1f, pa, transA ? m : k, pb, transB ? k : n, beta, pc, n);
        }
    }
}
