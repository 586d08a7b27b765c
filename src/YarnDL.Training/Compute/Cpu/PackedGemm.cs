using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

/// <summary>Cache-blocked fp32 GEMM: packs A and B into micro-panels and runs a 6×16 Vector256/FMA micro-kernel.
/// Blocking: a kc×16 B micro-panel stays in L1 while the mc×kc A block streams from L2; kc×nc of packed B is shared.
/// With several threads, B is packed once (each thread packs a share of the panels) and rows of C are split.</summary>
internal static unsafe partial class PackedGemm
{
    internal const int Mr = 6;
    internal const int Nr = 16;
    internal const int Kc = 256;
    internal const int Mc = 144;
    internal const int Nc = 2048;

    /// <summary>Packed B kept per calling thread when several threads share it: several k-blocks are packed in one
    /// parallel pass so the pack/compute hand-offs stay few (each is a Parallel.For).</summary>
    private const int SharedPackFloats = 1 << 21;

    /// <summary>Rows of C up to which B is read in place rather than packed (see <see cref="ReadsBInPlace"/>).</summary>
    private const int InPlaceMaxRows = 16 * Mr;

    /// <summary>Below this many flops one thread is faster than a hand-off to the pool.</summary>
    private const long ParallelFlops = 4_000_000;

    [ThreadStatic]
    private static float[]? packA;

    [ThreadStatic]
    private static float[]? packB;

    /// <summary>True when the AVX2+FMA micro-kernel can run.</summary>
    public static bool IsAccelerated => Fma.IsSupported && Avx.IsSupported;

    public static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, (long)m * n, nameof(c));
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, (long)m * k, nameof(a));
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, (long)k * n, nameof(b));
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0 || (beta != 0f && beta != 1f))
        {
            Scale(c[..(m * n)], beta);
        }

        if (k == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            var job = new Job(transA, transB, m, n, k, pa, pb, pc, beta != 0f);
            var flops = 2L * m * n * k;
            var parts = flops < ParallelFlops ? 1 : Math.Clamp(threads, 1, (m + Mr - 1) / Mr);
            if (parts == 1)
            {
                RunSingle(job);
            }
            else
            {
                RunParallel(job, parts);
            }
        }
    }

    private static void Scale(Span<float> c, float beta)
    {
        if (beta == 0f)
        {
            c.Clear();
        }
        else if (beta != 1f)
        {
            for (var i = 0; i < c.Length; i++)
            {
                c[i] *= beta;
            }
        }
    }

    /// <summary>One thread: pack one kc×nc block of B, then sweep all rows over it.</summary>
    private static void RunSingle(in Job job)
    {
        var inPlace = ReadsBInPlace(job);
        var ncMax = Math.Min(Nc, RoundUp(job.N, Nr));
        var b = Buffer(ref packB, Math.Min(Kc, job.K) * ncMax);
        for (var jc = 0; jc < job.N; jc += Nc)
        {
            var nc = Math.Min(Nc, job.N - jc);
            var panels = (nc + Nr - 1) / Nr;
            for (var pc = 0; pc < job.K; pc += Kc)
            {
                var kc = Math.Min(Kc, job.K - pc);
                PackB(job, pc, kc, jc, nc, inPlace ? EdgePanel(nc) : 0, panels, b);
                SweepRows(job, 0, job.M, jc, nc, pc, kc, b, inPlace);
            }
        }
    }

    /// <summary>Several threads: B for a group of k-blocks is packed once, by all threads (a share of the panels each),
    /// then every thread sweeps its rows over the whole group. The end of each Parallel.For is the only barrier.</summary>
    private static void RunParallel(Job job, int parts)
    {
        var inPlace = ReadsBInPlace(job);
        var ncMax = Math.Min(Nc, RoundUp(job.N, Nr));
        var groupK = Math.Clamp(SharedPackFloats / ncMax / Kc * Kc, Kc, RoundUp(job.K, Kc));
        var b = Buffer(ref packB, Math.Min(groupK, job.K) * ncMax);
        var rowPanels = (job.M + Mr - 1) / Mr;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parts };
        for (var jc = 0; jc < job.N; jc += Nc)
        {
            var nc = Math.Min(Nc, job.N - jc);
            var panels = (nc + Nr - 1) / Nr;
            for (var pg = 0; pg < job.K; pg += groupK)
            {
                var kg = Math.Min(groupK, job.K - pg);
                if (inPlace)
                {
                    for (var pc = pg; pc < pg + kg; pc += Kc)
                    {
                        PackB(job, pc, Math.Min(Kc, job.K - pc), jc, nc, EdgePanel(nc), panels, b + ((long)(pc - pg) * panels * Nr));
                    }
                }
                else
                {
                    Parallel.For(0, parts, options, t =>
                    {
                        for (var pc = pg; pc < pg + kg; pc += Kc)
                        {
                            var kc = Math.Min(Kc, job.K - pc);
                            PackB(job, pc, kc, jc, nc, panels * t / parts, panels * (t + 1) / parts, b + ((long)(pc - pg) * panels * Nr));
                        }
                    });
                }

                Parallel.For(0, parts, options, t =>
                {
                    var r0 = (int)((long)rowPanels * t / parts) * Mr;
                    var r1 = Math.Min(job.M, (int)((long)rowPanels * (t + 1) / parts) * Mr);
                    for (var pc = pg; pc < pg + kg; pc += Kc)
                    {
                        var kc = Math.Min(Kc, job.K - pc);
                        SweepRows(job, r0, r1, jc, nc, pc, kc, b + ((long)(pc - pg) * panels * Nr), inPlace);
                    }
                });
            }
        }
    }

    /// <summary>Rows [row0, row1) of C over one packed kc×nc block of B, mc rows of packed A at a time.</summary>
    private static void SweepRows(in Job job, int row0, int row1, int jc, int nc, int pc, int kc, float* b, bool inPlace)
    {
        if (row1 <= row0)
        {
            return;
        }

        var a = Buffer(ref packA, Math.Min(Kc, job.K) * Math.Min(Mc, RoundUp(row1 - row0, Mr)));
        var accumulate = job.Accumulate || pc > 0;
        for (var ic = row0; ic < row1; ic += Mc)
        {
            var mc = Math.Min(Mc, row1 - ic);
            PackA(job, ic, mc, pc, kc, a);
            Macro(job, ic, mc, jc, nc, pc, kc, a, b, inPlace, accumulate);
        }
    }

    private static int RoundUp(int x, int to) => (x + to - 1) / to * to;

    /// <summary>Few rows of C (a small batch), or B already Nr wide: the kernel reads B's rows where they are (full
    /// panels only; an edge panel is still packed, zero-padded). Packing would copy all of B for a handful of uses;
    /// in place each B line is read from L2 once per row panel, which the 6×16 kernel's 12 FMAs per line hide. The
    /// products are bit-identical to the packed path: the same values meet in the same order.</summary>
    private static bool ReadsBInPlace(in Job job) => !job.TransB && IsAccelerated && (job.M <= InPlaceMaxRows || job.N == Nr);

    /// <summary>The first panel an in-place sweep still packs: the partial one at the end, if any.</summary>
    private static int EdgePanel(int nc) => nc / Nr;

    /// <summary>This thread's packing buffer, 64-byte aligned, grown on demand. Pinned: it outlives every call.</summary>
    private static float* Buffer(ref float[]? cache, int floats)
    {
        if (cache is null || cache.Length < floats + 16)
        {
            cache = GC.AllocateUninitializedArray<float>(floats + 16, pinned: true);
        }

        var p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(cache));
        return (float*)((p + 63) & ~(nint)63);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Macro(in Job job, int ic, int mc, int jc, int nc, int pc, int kc, float* ap, float* bp, bool inPlace, bool accumulate)
    {
        var tile = stackalloc float[Mr * Nr];
        var ldc = (long)job.N;
        for (var j0 = 0; j0 < nc; j0 += Nr)
        {
            var cols = Math.Min(Nr, nc - j0);
            var direct = inPlace && cols == Nr;
            var bPanel = direct ? job.Pb + ((long)pc * job.N) + jc + j0 : bp + ((long)(j0 / Nr) * kc * Nr);
            var ldb = direct ? ldc : Nr;
            for (var r0 = 0; r0 < mc; r0 += Mr)
            {
                var rows = Math.Min(Mr, mc - r0);
                var aPanel = ap + ((long)(r0 / Mr) * kc * Mr);
                var cPtr = job.Pc + ((ic + r0) * ldc) + jc + j0;
                if (rows == Mr && cols == Nr && IsAccelerated)
                {
                    Kernel6x16(kc, aPanel, bPanel, ldb, cPtr, ldc, accumulate);
                    continue;
                }

                if (rows <= 4 && cols == Nr && IsAccelerated)
                {
                    Kernel4x16(kc, rows, aPanel, bPanel, ldb, cPtr, ldc, accumulate);
                    continue;
                }

                // Edge tile: the packed panels are zero-padded, so the full kernel runs into a scratch tile.
                if (IsAccelerated)
                {
                    Kernel6x16(kc, aPanel, bPanel, ldb, tile, Nr, false);
                }
                else
                {
                    KernelScalar(kc, aPanel, bPanel, ldb, tile);
                }

                for (var r = 0; r < rows; r++)
                {
                    var dst = cPtr + (r * ldc);
                    var src = tile + (r * Nr);
                    for (var j = 0; j < cols; j++)
                    {
                        dst[j] = accumulate ? dst[j] + src[j] : src[j];
                    }
                }
            }
        }
    }
}
