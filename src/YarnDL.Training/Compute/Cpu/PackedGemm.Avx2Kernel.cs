using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>The AVX2 blocking: a 6×16 tile in twelve Vector256 accumulators (of sixteen registers), and a scalar
    /// kernel of the same shape for machines without FMA.</summary>
    private readonly struct Avx2Kernel : IMicroKernel
    {
        public static int Mr => 6;

        public static int Nr => 16;

        public static int VectorBits => IsAccelerated ? 256 : 0;

        public static void Full(int kc, float* a, float* b, long ldb, float* c, long ldc, bool accumulate) =>
            Kernel6x16(kc, a, b, ldb, c, ldc, accumulate);

        public static void FewRows(int kc, int rows, float* a, float* b, long ldb, float* c, long ldc, bool accumulate) =>
            Kernel4x16(kc, rows, a, b, ldb, c, ldc, accumulate);

        public static void IntoTile(int kc, float* a, float* b, long ldb, float* tile)
        {
            if (IsAccelerated)
            {
                Kernel6x16(kc, a, b, ldb, tile, Nr, false);
            }
            else
            {
                KernelScalar(kc, a, b, ldb, tile);
            }
        }

        public static void CopyPanel(float* src, long ld, int kc, float* dst)
        {
            for (var p = 0; p < kc; p++, src += ld, dst += Nr)
            {
                Vector256.Store(Vector256.Load(src), dst);
                Vector256.Store(Vector256.Load(src + 8), dst + 8);
            }
        }

        public static void PackTransposed(float* src, long ld, int kc, float* dst) => PackTransposedPanel(src, ld, kc, Nr, dst);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void PackRows(float* src, long ld, int kc, float* dst)
        {
            var s0 = src;
            var s1 = s0 + ld;
            var s2 = s1 + ld;
            var s3 = s2 + ld;
            var s4 = s3 + ld;
            var s5 = s4 + ld;
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
    }

    /// <summary>C[6×16] (+)= Apanel (kc×6) · Bpanel (kc×16, rows <paramref name="ldb"/> apart: Nr when packed, B's row
    /// length when read in place); 12 accumulators stay in registers. The C tile is
    /// prefetched first: its lines are needed only after the k-loop, which is long enough to hide a miss.
    /// Fully optimized from the first call: a tier-0 copy of this loop runs about 8× slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, float* b, long ldb, float* c, long ldc, bool accumulate)
    {
        for (var r = 0; r < 6; r++)
        {
            Sse.Prefetch0(c + (r * ldc));
            Sse.Prefetch0(c + (r * ldc) + 15);
        }

        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00);
            c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10);
            c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20);
            c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30);
            c31 = Fma.MultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(a4, b0, c40);
            c41 = Fma.MultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(a5, b0, c50);
            c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += 6;
            b += ldb;
        }

        if (accumulate)
        {
            Add(c, c00, c01);
            Add(c + ldc, c10, c11);
            Add(c + (2 * ldc), c20, c21);
            Add(c + (3 * ldc), c30, c31);
            Add(c + (4 * ldc), c40, c41);
            Add(c + (5 * ldc), c50, c51);
        }
        else
        {
            Set(c, c00, c01);
            Set(c + ldc, c10, c11);
            Set(c + (2 * ldc), c20, c21);
            Set(c + (3 * ldc), c30, c31);
            Set(c + (4 * ldc), c40, c41);
            Set(c + (5 * ldc), c50, c51);
        }
    }

    /// <summary>The last 1–4 rows of a 6-row panel (a small batch leaves such a tail: 32 = 5·6 + 2): four rows are
    /// multiplied, eight accumulators (enough to keep both FMA pipes busy), and only <paramref name="rows"/> are
    /// stored, straight into C. Two thirds of the work of the 6-row kernel, no scratch tile, and the same sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x16(int kc, int rows, float* a, float* b, long ldb, float* c, long ldc, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00);
            c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10);
            c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20);
            c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30);
            c31 = Fma.MultiplyAdd(a3, b1, c31);
            a += 6;
            b += ldb;
        }

        Store(c, c00, c01, accumulate);
        if (rows > 1)
        {
            Store(c + ldc, c10, c11, accumulate);
        }

        if (rows > 2)
        {
            Store(c + (2 * ldc), c20, c21, accumulate);
        }

        if (rows > 3)
        {
            Store(c + (3 * ldc), c30, c31, accumulate);
        }
    }

    private static void Store(float* c, Vector256<float> lo, Vector256<float> hi, bool accumulate)
    {
        if (accumulate)
        {
            Add(c, lo, hi);
        }
        else
        {
            Set(c, lo, hi);
        }
    }

    private static void Add(float* c, Vector256<float> lo, Vector256<float> hi)
    {
        Avx.Store(c, Avx.Add(Avx.LoadVector256(c), lo));
        Avx.Store(c + 8, Avx.Add(Avx.LoadVector256(c + 8), hi));
    }

    private static void Set(float* c, Vector256<float> lo, Vector256<float> hi)
    {
        Avx.Store(c, lo);
        Avx.Store(c + 8, hi);
    }

    /// <summary>Machines without FMA: the same product into a 6×16 tile (overwritten).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KernelScalar(int kc, float* a, float* b, long ldb, float* tile)
    {
        new Span<float>(tile, 6 * 16).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < 6; r++)
            {
                var av = a[r];
                var row = tile + (r * 16);
                for (var j = 0; j < 16; j++)
                {
                    row[j] += av * b[j];
                }
            }

            a += 6;
            b += ldb;
        }
    }
}
