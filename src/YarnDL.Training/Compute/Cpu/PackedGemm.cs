using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

/// <summary>Cache-blocked fp32 GEMM: packs A and B into micro-panels and runs a 6×16 Vector256/FMA micro-kernel.
/// Rows of C are split across threads; each thread owns its packing buffers.</summary>
internal static unsafe partial class PackedGemm
{
    internal const int Mr = 6;
    internal const int Nr = 16;
    private const int Kc = 256;
    private const int Mc = 144;
    private const int Nc = 2048;

    /// <summary>True when the AVX2+FMA micro-kernel can run.</summary>
    public static bool IsAccelerated => Fma.IsSupported && Avx.IsSupported;

    public static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, m * n, nameof(c));
        Scale(c[..(m * n)], beta);
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            var job = new Job(transA, transB, m, n, k, pa, pb, pc);
            long flops = 2L * m * n * k;
            var parts = flops < 4_000_000 ? 1 : Math.Clamp(threads, 1, Math.Max(1, m / Mr));
            if (parts == 1)
            {
                RunRows(job, 0, m);
                return;
            }

            var panels = (m + Mr - 1) / Mr;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, t =>
            {
                var r0 = (int)((long)panels * t / parts) * Mr;
                var r1 = Math.Min(m, (int)((long)panels * (t + 1) / parts) * Mr);
                if (r1 > r0)
                {
                    RunRows(job, r0, r1);
                }
            });
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

    private static void RunRows(Job job, int row0, int row1)
    {
        var kcMax = Math.Min(Kc, job.K);
        var ncMax = Math.Min(Nc, RoundUp(job.N, Nr));
        var mcMax = Math.Min(Mc, RoundUp(row1 - row0, Mr));
        var bufB = new float[kcMax * ncMax + 16];
        var bufA = new float[kcMax * mcMax + 16];
        fixed (float* bp = bufB, ap = bufA)
        {
            for (var jc = 0; jc < job.N; jc += Nc)
            {
                var nc = Math.Min(Nc, job.N - jc);
                for (var pc = 0; pc < job.K; pc += Kc)
                {
                    var kc = Math.Min(Kc, job.K - pc);
                    PackB(job, pc, kc, jc, nc, bp);
                    for (var ic = row0; ic < row1; ic += Mc)
                    {
                        var mc = Math.Min(Mc, row1 - ic);
                        PackA(job, ic, mc, pc, kc, ap);
                        Macro(job, ic, mc, jc, nc, kc, ap, bp);
                    }
                }
            }
        }
    }

    private static int RoundUp(int x, int to) => (x + to - 1) / to * to;

    private static void PackA(Job job, int ic, int mc, int pc, int kc, float* dst)
    {
        for (var r0 = 0; r0 < mc; r0 += Mr)
        {
            var rows = Math.Min(Mr, mc - r0);
            for (var p = 0; p < kc; p++)
            {
                for (var r = 0; r < Mr; r++)
                {
                    *dst++ = r < rows ? job.A(ic + r0 + r, pc + p) : 0f;
                }
            }
        }
    }

    private static void PackB(Job job, int pc, int kc, int jc, int nc, float* dst)
    {
        for (var j0 = 0; j0 < nc; j0 += Nr)
        {
            var cols = Math.Min(Nr, nc - j0);
            for (var p = 0; p < kc; p++)
            {
                if (!job.TransB && cols == Nr)
                {
                    Buffer.MemoryCopy(job.Pb + ((long)(pc + p) * job.N) + jc + j0, dst, Nr * sizeof(float), Nr * sizeof(float));
                    dst += Nr;
                    continue;
                }

                for (var j = 0; j < Nr; j++)
                {
                    *dst++ = j < cols ? job.B(pc + p, jc + j0 + j) : 0f;
                }
            }
        }
    }

    private static void Macro(Job job, int ic, int mc, int jc, int nc, int kc, float* ap, float* bp)
    {
        var tile = stackalloc float[Mr * Nr];
        for (var j0 = 0; j0 < nc; j0 += Nr)
        {
            var cols = Math.Min(Nr, nc - j0);
            var bPanel = bp + ((long)(j0 / Nr) * kc * Nr);
            for (var r0 = 0; r0 < mc; r0 += Mr)
            {
                var rows = Math.Min(Mr, mc - r0);
                var aPanel = ap + ((long)(r0 / Mr) * kc * Mr);
                var cPtr = job.Pc + ((long)(ic + r0) * job.N) + jc + j0;
                if (rows == Mr && cols == Nr && IsAccelerated)
                {
                    Kernel6x16(kc, aPanel, bPanel, cPtr, job.N);
                }
                else
                {
                    KernelScalar(kc, aPanel, bPanel, tile);
                    for (var r = 0; r < rows; r++)
                    {
                        for (var j = 0; j < cols; j++)
                        {
                            cPtr[((long)r * job.N) + j] += tile[(r * Nr) + j];
                        }
                    }
                }
            }
        }
    }
}
