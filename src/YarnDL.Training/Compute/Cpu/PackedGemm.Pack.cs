using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>Rows [ic, ic+mc) × k-range [pc, pc+kc) of op(A) into Mr-row micro-panels, p-major inside a panel
    /// (dst[p·Mr + r]); rows past the matrix are zero, so edge panels can run the full micro-kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(in Job job, int ic, int mc, int pc, int kc, float* dst)
    {
        for (var r0 = 0; r0 < mc; r0 += Mr)
        {
            var rows = Math.Min(Mr, mc - r0);
            var i0 = ic + r0;
            if (job.TransA)
            {
                // A is stored k×m: the Mr values of one p are contiguous.
                var src = job.Pa + ((long)pc * job.M) + i0;
                for (var p = 0; p < kc; p++, src += job.M, dst += Mr)
                {
                    for (var r = 0; r < Mr; r++)
                    {
                        dst[r] = r < rows ? src[r] : 0f;
                    }
                }
            }
            else if (rows == Mr)
            {
                var s0 = job.Pa + ((long)i0 * job.K) + pc;
                var s1 = s0 + job.K;
                var s2 = s1 + job.K;
                var s3 = s2 + job.K;
                var s4 = s3 + job.K;
                var s5 = s4 + job.K;
                for (var p = 0; p < kc; p++, dst += Mr)
                {
                    dst[0] = s0[p];
                    dst[1] = s1[p];
                    dst[2] = s2[p];
                    dst[3] = s3[p];
                    dst[4] = s4[p];
                    dst[5] = s5[p];
                }
            }
            else
            {
                new Span<float>(dst, kc * Mr).Clear();
                for (var r = 0; r < rows; r++)
                {
                    var src = job.Pa + ((long)(i0 + r) * job.K) + pc;
                    for (var p = 0; p < kc; p++)
                    {
                        dst[(p * Mr) + r] = src[p];
                    }
                }

                dst += kc * Mr;
            }
        }
    }

    /// <summary>Micro-panels [panel0, panel1) of the k-range [pc, pc+kc) × columns [jc, jc+nc) of op(B), each kc×Nr,
    /// p-major (dst[p·Nr + j]); columns past the matrix are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(in Job job, int pc, int kc, int jc, int nc, int panel0, int panel1, float* dst)
    {
        dst += (long)panel0 * kc * Nr;
        for (var panel = panel0; panel < panel1; panel++)
        {
            var j0 = jc + (panel * Nr);
            var cols = Math.Min(Nr, jc + nc - j0);
            if (job.TransB)
            {
                // B is stored n×k: column j of op(B) is contiguous in p.
                if (cols < Nr)
                {
                    new Span<float>(dst, kc * Nr).Clear();
                }

                for (var j = 0; j < cols; j++)
                {
                    var src = job.Pb + ((long)(j0 + j) * job.K) + pc;
                    for (var p = 0; p < kc; p++)
                    {
                        dst[(p * Nr) + j] = src[p];
                    }
                }

                dst += kc * Nr;
            }
            else if (cols == Nr)
            {
                var src = job.Pb + ((long)pc * job.N) + j0;
                for (var p = 0; p < kc; p++, src += job.N, dst += Nr)
                {
                    Vector256.Store(Vector256.Load(src), dst);
                    Vector256.Store(Vector256.Load(src + 8), dst + 8);
                }
            }
            else
            {
                var src = job.Pb + ((long)pc * job.N) + j0;
                for (var p = 0; p < kc; p++, src += job.N, dst += Nr)
                {
                    for (var j = 0; j < Nr; j++)
                    {
                        dst[j] = j < cols ? src[j] : 0f;
                    }
                }
            }
        }
    }
}
