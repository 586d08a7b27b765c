using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

/// <summary>Cache-blocked fp32 GEMM: packs A and B into micro-panels and runs a register-blocked micro-kernel, 8×32
/// Vector512 where the CPU has AVX-512, else 6×16 Vector256/FMA (see <see cref="IMicroKernel"/>). Blocking: a kc×Nr
/// B micro-panel stays in L1 while the mc×kc A block streams from L2; kc×nc of packed B is shared. With several
/// threads, B is packed once (each thread packs a share of the panels) and rows of C are split. Both widths use
/// the same k-blocks, so they give the same bits.</summary>
internal static unsafe partial class PackedGemm
{
    /// <summary>Environment variable that forces the AVX2 kernels on an AVX-512 machine: <c>256</c>. Read once.</summary>
    public const string VectorBitsVariable = "YARNDL_GEMM_VECTOR_BITS";

    internal const int Kc = 256;
    internal const int Mc = 144;
    internal const int Nc = 2048;

    /// <summary>Packed B kept per calling thread when several threads share it: several k-blocks are packed in one
    /// parallel pass so the pack/compute hand-offs stay few (each is a Parallel.For).</summary>
    private const int SharedPackFloats = 1 << 21;

    /// <summary>Rows of C up to which B is read in place rather than packed (see <see cref="ReadsBInPlace"/>).</summary>
    private const int InPlaceMaxRows = 96;

    /// <summary>Below this many flops one thread is faster than a hand-off to the pool.</summary>
    private const long ParallelFlops = 4_000_000;

    /// <summary>Products at most this wide run the 16-column AVX2 blocking even where AVX-512 is present: a 32-column
    /// panel would be half padding.</summary>
    private const int NarrowColumns = 16;

    [ThreadStatic]
    private static float[]? t_packA;

    [ThreadStatic]
    private static float[]? t_packB;

    /// <summary>True when the AVX2+FMA micro-kernel can run.</summary>
    public static bool IsAccelerated => Fma.IsSupported && Avx.IsSupported;

    /// <summary>True when the AVX-512 micro-kernel can run.</summary>
    public static bool IsWideSupported => IsAccelerated && Avx512F.IsSupported;

    /// <summary>Vector width <see cref="Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, float, int)"/>
    /// runs at: 512 where supported unless <see cref="VectorBitsVariable"/> is <c>256</c>; 256 with AVX2+FMA; 0 (scalar).</summary>
    public static int VectorBits { get; } = ChooseVectorBits(Environment.GetEnvironmentVariable(VectorBitsVariable));

    /// <summary>The widest supported width, or 256 when <paramref name="setting"/> asks for it (other values are ignored).</summary>
    internal static int ChooseVectorBits(string? setting) =>
        !IsAccelerated ? 0 : IsWideSupported && setting?.Trim() != "256" ? 512 : 256;

    public static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta, int threads) =>
        Multiply(transA, transB, m, n, k, a, b, c, beta, threads, VectorBits);

    /// <summary>The product at a given width: 512 runs the AVX-512 kernels where supported (narrow products excepted),
    /// anything else the AVX2 ones (scalar without FMA). Tests and the benchmark force a width through this.</summary>
    internal static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta, int threads, int vectorBits)
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
            if (vectorBits >= 512 && IsWideSupported && n > NarrowColumns)
            {
                Run<Avx512Kernel>(job, threads);
            }
            else
            {
                Run<Avx2Kernel>(job, threads);
            }
        }
    }

    private static void Run<T>(in Job job, int threads)
        where T : struct, IMicroKernel
    {
        var flops = 2L * job.M * job.N * job.K;
        var parts = flops < ParallelFlops ? 1 : Math.Clamp(threads, 1, (job.M + T.Mr - 1) / T.Mr);
        if (parts == 1)
        {
            RunSingle<T>(job);
        }
        else
        {
            RunParallel<T>(job, parts);
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
    private static void RunSingle<T>(in Job job)
        where T : struct, IMicroKernel
    {
        var inPlace = ReadsBInPlace<T>(job);
        var ncMax = Math.Min(Nc, RoundUp(job.N, T.Nr));
        var b = Buffer(ref t_packB, Math.Min(Kc, job.K) * ncMax);
        for (var jc = 0; jc < job.N; jc += Nc)
        {
            var nc = Math.Min(Nc, job.N - jc);
            var panels = (nc + T.Nr - 1) / T.Nr;
            for (var pc = 0; pc < job.K; pc += Kc)
            {
                var kc = Math.Min(Kc, job.K - pc);
                PackB<T>(job, pc, kc, jc, nc, inPlace ? EdgePanel<T>(nc) : 0, panels, b);
                SweepRows<T>(job, 0, job.M, jc, nc, pc, kc, b, inPlace);
            }
        }
    }

    /// <summary>Several threads: B for a group of k-blocks is packed once, by all threads (a share of the panels each),
    /// then every thread sweeps its rows over the whole group. The end of each Parallel.For is the only barrier.</summary>
    private static void RunParallel<T>(Job job, int parts)
        where T : struct, IMicroKernel
    {
        var inPlace = ReadsBInPlace<T>(job);
        var ncMax = Math.Min(Nc, RoundUp(job.N, T.Nr));
        var groupK = Math.Clamp(SharedPackFloats / ncMax / Kc * Kc, Kc, RoundUp(job.K, Kc));
        var b = Buffer(ref t_packB, Math.Min(groupK, job.K) * ncMax);
        var rowPanels = (job.M + T.Mr - 1) / T.Mr;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parts };
        for (var jc = 0; jc < job.N; jc += Nc)
        {
            var nc = Math.Min(Nc, job.N - jc);
            var panels = (nc + T.Nr - 1) / T.Nr;
            for (var pg = 0; pg < job.K; pg += groupK)
            {
                var kg = Math.Min(groupK, job.K - pg);
                if (inPlace)
                {
                    for (var pc = pg; pc < pg + kg; pc += Kc)
                    {
                        PackB<T>(job, pc, Math.Min(Kc, job.K - pc), jc, nc, EdgePanel<T>(nc), panels, b + ((long)(pc - pg) * panels * T.Nr));
                    }
                }
                else
                {
                    Parallel.For(0, parts, options, t =>
                    {
                        for (var pc = pg; pc < pg + kg; pc += Kc)
                        {
                            var kc = Math.Min(Kc, job.K - pc);
                            PackB<T>(job, pc, kc, jc, nc, panels * t / parts, panels * (t + 1) / parts, b + ((long)(pc - pg) * panels * T.Nr));
                        }
                    });
                }

                Parallel.For(0, parts, options, t =>
                {
                    var r0 = (int)((long)rowPanels * t / parts) * T.Mr;
                    var r1 = Math.Min(job.M, (int)((long)rowPanels * (t + 1) / parts) * T.Mr);
                    for (var pc = pg; pc < pg + kg; pc += Kc)
                    {
                        var kc = Math.Min(Kc, job.K - pc);
                        SweepRows<T>(job, r0, r1, jc, nc, pc, kc, b + ((long)(pc - pg) * panels * T.Nr), inPlace);
                    }
                });
            }
        }
    }

    /// <summary>Rows [row0, row1) of C over one packed kc×nc block of B, mc rows of packed A at a time.</summary>
    private static void SweepRows<T>(in Job job, int row0, int row1, int jc, int nc, int pc, int kc, float* b, bool inPlace)
        where T : struct, IMicroKernel
    {
        if (row1 <= row0)
        {
            return;
        }

        var a = Buffer(ref t_packA, Math.Min(Kc, job.K) * Math.Min(Mc, RoundUp(row1 - row0, T.Mr)));
        var accumulate = job.Accumulate || pc > 0;
        for (var ic = row0; ic < row1; ic += Mc)
        {
            var mc = Math.Min(Mc, row1 - ic);
            PackA<T>(job, ic, mc, pc, kc, a);
            Macro<T>(job, ic, mc, jc, nc, pc, kc, a, b, inPlace, accumulate);
        }
    }

    private static int RoundUp(int x, int to) => (x + to - 1) / to * to;

    /// <summary>Few rows of C (a small batch), or B already Nr wide: the kernel reads B's rows where they are (full
    /// panels only; an edge panel is still packed, zero-padded). Packing would copy all of B for a handful of uses;
    /// in place each B line is read from L2 once per row panel, which the kernel's Mr FMAs per vector of B hide. The
    /// products are bit-identical to the packed path: the same values meet in the same order.</summary>
    private static bool ReadsBInPlace<T>(in Job job)
        where T : struct, IMicroKernel => !job.TransB && IsAccelerated && (job.M <= InPlaceMaxRows || job.N == T.Nr);

    /// <summary>The first panel an in-place sweep still packs: the partial one at the end, if any.</summary>
    private static int EdgePanel<T>(int nc)
        where T : struct, IMicroKernel => nc / T.Nr;

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
    private static void Macro<T>(in Job job, int ic, int mc, int jc, int nc, int pc, int kc, float* ap, float* bp, bool inPlace, bool accumulate)
        where T : struct, IMicroKernel
    {
        var tile = stackalloc float[T.Mr * T.Nr];
        var ldc = (long)job.N;
        for (var j0 = 0; j0 < nc; j0 += T.Nr)
        {
            var cols = Math.Min(T.Nr, nc - j0);
            var direct = inPlace && cols == T.Nr;
            var bPanel = direct ? job.Pb + ((long)pc * job.N) + jc + j0 : bp + ((long)(j0 / T.Nr) * kc * T.Nr);
            var ldb = direct ? ldc : T.Nr;
            for (var r0 = 0; r0 < mc; r0 += T.Mr)
            {
                var rows = Math.Min(T.Mr, mc - r0);
                var aPanel = ap + ((long)(r0 / T.Mr) * kc * T.Mr);
                var cPtr = job.Pc + ((ic + r0) * ldc) + jc + j0;
                if (rows == T.Mr && cols == T.Nr && IsAccelerated)
                {
                    T.Full(kc, aPanel, bPanel, ldb, cPtr, ldc, accumulate);
                    continue;
                }

                if (rows <= 4 && cols == T.Nr && IsAccelerated)
                {
                    T.FewRows(kc, rows, aPanel, bPanel, ldb, cPtr, ldc, accumulate);
                    continue;
                }

                // Edge tile: the packed panels are zero-padded, so the full kernel runs into a scratch tile.
                T.IntoTile(kc, aPanel, bPanel, ldb, tile);

                for (var r = 0; r < rows; r++)
                {
                    var dst = cPtr + (r * ldc);
                    var src = tile + (r * T.Nr);
                    for (var j = 0; j < cols; j++)
                    {
                        dst[j] = accumulate ? dst[j] + src[j] : src[j];
                    }
                }
            }
        }
    }
}
