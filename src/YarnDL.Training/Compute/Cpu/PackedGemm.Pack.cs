using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>Rows [ic, ic+mc) × k-range [pc, pc+kc) of op(A) into Mr-row micro-panels, p-major inside a panel
    /// (dst[p·Mr + r]); rows past the matrix are zero, so edge panels can run the full micro-kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA<T>(in Job job, int ic, int mc, int pc, int kc, float* dst)
        where T : struct, IMicroKernel
    {
        for (var r0 = 0; r0 < mc; r0 += T.Mr)
        {
            var rows = Math.Min(T.Mr, mc - r0);
            var i0 = ic + r0;
            if (job.TransA)
            {
                // A is stored k×m: the Mr values of one p are contiguous.
                var src = job.Pa + ((long)pc * job.M) + i0;
                for (var p = 0; p < kc; p++, src += job.M, dst += T.Mr)
                {
                    for (var r = 0; r < T.Mr; r++)
                    {
                        dst[r] = r < rows ? src[r] : 0f;
                    }
                }
            }
            else if (rows == T.Mr)
            {
                T.PackRows(job.Pa + ((long)i0 * job.K) + pc, job.K, kc, dst);
                dst += kc * T.Mr;
            }
            else
            {
                new Span<float>(dst, kc * T.Mr).Clear();
                for (var r = 0; r < rows; r++)
                {
                    var src = job.Pa + ((long)(i0 + r) * job.K) + pc;
                    for (var p = 0; p < kc; p++)
                    {
                        dst[(p * T.Mr) + r] = src[p];
                    }
                }

                dst += kc * T.Mr;
            }
        }
    }

    /// <summary>Micro-panels [panel0, panel1) of the k-range [pc, pc+kc) × columns [jc, jc+nc) of op(B), each kc×Nr,
    /// p-major (dst[p·Nr + j]); columns past the matrix are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB<T>(in Job job, int pc, int kc, int jc, int nc, int panel0, int panel1, float* dst)
        where T : struct, IMicroKernel
    {
        dst += (long)panel0 * kc * T.Nr;
        for (var panel = panel0; panel < panel1; panel++, dst += kc * T.Nr)
        {
            var j0 = jc + (panel * T.Nr);
            var cols = Math.Min(T.Nr, jc + nc - j0);
            if (job.TransB && cols == T.Nr && Avx.IsSupported)
            {
                T.PackTransposed(job.Pb + ((long)j0 * job.K) + pc, job.K, kc, dst);
            }
            else if (job.TransB)
            {
                // B is stored n×k: column j of op(B) is contiguous in p.
                if (cols < T.Nr)
                {
                    new Span<float>(dst, kc * T.Nr).Clear();
                }

                for (var j = 0; j < cols; j++)
                {
                    var src = job.Pb + ((long)(j0 + j) * job.K) + pc;
                    for (var p = 0; p < kc; p++)
                    {
                        dst[(p * T.Nr) + j] = src[p];
                    }
                }
            }
            else if (cols == T.Nr)
            {
                T.CopyPanel(job.Pb + ((long)pc * job.N) + j0, job.N, kc, dst);
            }
            else
            {
                var src = job.Pb + ((long)pc * job.N) + j0;
                var row = dst;
                for (var p = 0; p < kc; p++, src += job.N, row += T.Nr)
                {
                    for (var j = 0; j < T.Nr; j++)
                    {
                        row[j] = j < cols ? src[j] : 0f;
                    }
                }
            }
        }
    }

    /// <summary><paramref name="rows"/> (a multiple of 8) source rows, each contiguous in p, become
    /// dst[p·rows + j] through 8×8 register transposes (eight loads, 24 shuffles, eight stores per 64 values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackTransposedPanel(float* src, long ld, int kc, int rows, float* dst)
    {
        var p = 0;
        for (; p <= kc - 8; p += 8)
        {
            for (var j = 0; j < rows; j += 8)
            {
                Transpose8x8(src + (j * ld) + p, ld, dst + (p * rows) + j, rows);
            }
        }

        for (; p < kc; p++)
        {
            for (var j = 0; j < rows; j++)
            {
                dst[(p * rows) + j] = src[(j * ld) + p];
            }
        }
    }

    /// <summary>dst[q·ldd + j] = src[j·ld + q] for j, q &lt; 8.</summary>
    private static void Transpose8x8(float* src, long ld, float* dst, long ldd)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + ld);
        var r2 = Avx.LoadVector256(src + (2 * ld));
        var r3 = Avx.LoadVector256(src + (3 * ld));
        var r4 = Avx.LoadVector256(src + (4 * ld));
        var r5 = Avx.LoadVector256(src + (5 * ld));
        var r6 = Avx.LoadVector256(src + (6 * ld));
        var r7 = Avx.LoadVector256(src + (7 * ld));

        // Pairs of rows interleaved, then groups of four, then the 128-bit halves exchanged.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + (2 * ldd), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + (3 * ldd), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + (4 * ldd), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + (5 * ldd), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + (6 * ldd), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + (7 * ldd), Avx.Permute2x128(u3, u7, 0x31));
    }
}
