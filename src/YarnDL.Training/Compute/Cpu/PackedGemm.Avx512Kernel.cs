using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>The AVX-512 blocking: an 8×32 tile in sixteen Vector512 accumulators (of 32 registers), two B loads and
    /// eight broadcasts per sixteen FMAs. Sixteen independent chains cover the FMA latency of two 512-bit pipes; 8×32
    /// measured as fast as 12×32 and 14×32 at 1024³ and leaves no row tail at the models' batch sizes (32, 64).</summary>
    private readonly struct Avx512Kernel : IMicroKernel
    {
        public static int Mr => 8;

        public static int Nr => 32;

        public static int VectorBits => 512;

        /// <summary>Fully optimized from the first call: a tier-0 copy of this loop runs several times slower.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Full(int kc, float* a, float* b, long ldb, float* c, long ldc, bool accumulate)
        {
            for (var r = 0; r < 8; r++)
            {
                Sse.Prefetch0(c + (r * ldc));
                Sse.Prefetch0(c + (r * ldc) + 31);
            }

            Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
            for (var p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                var b1 = Vector512.Load(b + 16);
                var a0 = Vector512.Create(a[0]);
                c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
                c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector512.Create(a[1]);
                c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
                c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector512.Create(a[2]);
                c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
                c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector512.Create(a[3]);
                c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
                c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
                var a4 = Vector512.Create(a[4]);
                c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
                c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
                var a5 = Vector512.Create(a[5]);
                c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
                c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
                var a6 = Vector512.Create(a[6]);
                c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60);
                c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
                var a7 = Vector512.Create(a[7]);
                c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70);
                c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
                a += 8;
                b += ldb;
            }

            Store512(c, c00, c01, accumulate);
            Store512(c + ldc, c10, c11, accumulate);
            Store512(c + (2 * ldc), c20, c21, accumulate);
            Store512(c + (3 * ldc), c30, c31, accumulate);
            Store512(c + (4 * ldc), c40, c41, accumulate);
            Store512(c + (5 * ldc), c50, c51, accumulate);
            Store512(c + (6 * ldc), c60, c61, accumulate);
            Store512(c + (7 * ldc), c70, c71, accumulate);
        }

        /// <summary>Four rows, eight accumulators (enough for both FMA pipes), only <paramref name="rows"/> stored.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void FewRows(int kc, int rows, float* a, float* b, long ldb, float* c, long ldc, bool accumulate)
        {
            Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
            Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
            for (var p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                var b1 = Vector512.Load(b + 16);
                var a0 = Vector512.Create(a[0]);
                c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
                c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector512.Create(a[1]);
                c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
                c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector512.Create(a[2]);
                c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
                c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector512.Create(a[3]);
                c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
                c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
                a += 8;
                b += ldb;
            }

            Store512(c, c00, c01, accumulate);
            if (rows > 1)
            {
                Store512(c + ldc, c10, c11, accumulate);
            }

            if (rows > 2)
            {
                Store512(c + (2 * ldc), c20, c21, accumulate);
            }

            if (rows > 3)
            {
                Store512(c + (3 * ldc), c30, c31, accumulate);
            }
        }

        public static void IntoTile(int kc, float* a, float* b, long ldb, float* tile) => Full(kc, a, b, ldb, tile, Nr, false);

        public static void CopyPanel(float* src, long ld, int kc, float* dst)
        {
            for (var p = 0; p < kc; p++, src += ld, dst += Nr)
            {
                Vector512.Store(Vector512.Load(src), dst);
                Vector512.Store(Vector512.Load(src + 16), dst + 16);
            }
        }

        public static void PackTransposed(float* src, long ld, int kc, float* dst) => PackTransposedPanel(src, ld, kc, Nr, dst);

        /// <summary>Eight rows of A through 8×8 transposes, the last kc mod 8 values one by one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void PackRows(float* src, long ld, int kc, float* dst)
        {
            var p = 0;
            for (; p <= kc - 8; p += 8)
            {
                Transpose8x8(src + p, ld, dst + (p * Mr), Mr);
            }

            for (; p < kc; p++)
            {
                for (var r = 0; r < Mr; r++)
                {
                    dst[(p * Mr) + r] = src[(r * ld) + p];
                }
            }
        }

        private static void Store512(float* c, Vector512<float> lo, Vector512<float> hi, bool accumulate)
        {
            if (accumulate)
            {
                lo += Vector512.Load(c);
                hi += Vector512.Load(c + 16);
            }

            Vector512.Store(lo, c);
            Vector512.Store(hi, c + 16);
        }
    }
}
