using YarnDL.Training.Compute.Cpu;

namespace YarnDL.UnitTests.Training;

/// <summary>The packed GEMM around its blocking edges (AVX2: Mr=6, Nr=16; AVX-512: Mr=8, Nr=32; both Kc=256, Mc=144,
/// Nc=2048), at both vector widths (512 runs the AVX2 kernels where AVX-512 is missing), on one and several
/// threads, for every transpose combination and beta.</summary>
public sealed class PackedGemmTests
{
    private static readonly int[] Widths = [256, 512];

    public static TheoryData<int, int, int> EdgeShapes() => new()
    {
        { 5, 15, 1 },
        { 6, 16, 255 },
        { 7, 17, 256 },
        { 11, 31, 257 },
        { 12, 32, 513 },
        { 13, 33, 7 },
        { 143, 47, 260 },
        { 144, 48, 64 },
        { 145, 49, 300 },
        { 151, 18, 520 },
        { 7, 33, 9 },
        { 8, 32, 256 },
        { 9, 63, 257 },
        { 17, 65, 300 },
        { 36, 96, 130 },
    };

    [Theory]
    [MemberData(nameof(EdgeShapes))]
    public void EdgeShapes_MatchTheNaiveProduct_ForAllTransposesBetasAndThreadCounts(int m, int n, int k)
    {
        var a = CpuKernelTests.Random(m * k, 11);
        var b = CpuKernelTests.Random(k * n, 12);
        var c0 = CpuKernelTests.Random(m * n, 13);
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            foreach (var beta in new[] { 0f, 1f, -0.5f })
            {
                var expected = KernelReference.Gemm(ta, tb, m, n, k, a, b, c0, beta);
                foreach (var (bits, threads) in Widths.SelectMany(w => new[] { 1, 2, 3 }.Select(t => (w, t))))
                {
                    var c = (float[])c0.Clone();
                    PackedGemm.Multiply(ta, tb, m, n, k, a, b, c, beta, threads, bits);
                    AssertClose(expected, c, k, $"ta={ta} tb={tb} beta={beta} bits={bits} threads={threads}");
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false, 256)]
    [InlineData(true, true, 256)]
    [InlineData(false, false, 512)]
    [InlineData(true, true, 512)]
    public void ThreadSplit_GivesBitIdenticalResults(bool transA, bool transB, int bits)
    {
        // 2·m·n·k is far above the parallel threshold; m is not a multiple of 6 so the split leaves an edge panel.
        const int m = 301, n = 157, k = 530;
        var a = CpuKernelTests.Random(m * k, 21);
        var b = CpuKernelTests.Random(k * n, 22);
        var c0 = CpuKernelTests.Random(m * n, 23);
        var one = (float[])c0.Clone();
        PackedGemm.Multiply(transA, transB, m, n, k, a, b, one, 0.25f, 1, bits);
        AssertClose(KernelReference.Gemm(transA, transB, m, n, k, a, b, c0, 0.25f), one, k, "threads=1");
        foreach (var threads in new[] { 2, 3, 4, 64 })
        {
            var c = (float[])c0.Clone();
            PackedGemm.Multiply(transA, transB, m, n, k, a, b, c, 0.25f, threads, bits);
            Assert.Equal(one, c);
        }
    }

    [Theory]
    [InlineData(false, 28, 256)]
    [InlineData(false, 31, 256)]
    [InlineData(false, 32, 256)]
    [InlineData(true, 33, 256)]
    [InlineData(true, 64, 256)]
    [InlineData(false, 28, 512)]
    [InlineData(false, 31, 512)]
    [InlineData(true, 33, 512)]
    [InlineData(true, 64, 512)]
    public void FewRows_ReadBInPlace_BitIdenticalToThePackedPath(bool transA, int m, int bits)
    {
        // A small m reads B in place and ends on a 1–4 row tail kernel; 100 rows pack B and use the 6-row kernel only
        // (or the scratch tile). Rows of C depend only on their own row of A, so the first m rows must agree bit for bit.
        const int big = 100, n = 56, k = 600;
        var aSmall = CpuKernelTests.Random(m * k, 51);
        var aBig = CpuKernelTests.Random(big * k, 52);
        for (var i = 0; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                aBig[transA ? (p * big) + i : (i * k) + p] = aSmall[transA ? (p * m) + i : (i * k) + p];
            }
        }

        var b = CpuKernelTests.Random(k * n, 53);
        foreach (var beta in new[] { 0f, 1f })
        {
            var small = CpuKernelTests.Random(m * n, 54);
            var packed = CpuKernelTests.Random(big * n, 55);
            small.AsSpan().CopyTo(packed);
            var c0 = (float[])small.Clone();
            PackedGemm.Multiply(transA, false, m, n, k, aSmall, b, small, beta, 1, bits);
            PackedGemm.Multiply(transA, false, big, n, k, aBig, b, packed, beta, 1, bits);
            Assert.Equal(packed.AsSpan(0, m * n).ToArray(), small);
            AssertClose(KernelReference.Gemm(transA, false, m, n, k, aSmall, b, c0, beta), small, k, $"m={m} beta={beta}");
        }
    }

    [Fact]
    public void WideAndDeep_CrossesTheColumnBlockAndTheSharedPackGroup()
    {
        // n > Nc splits the columns; with n ≥ 2048 the shared B pack holds 1024 of the k values, so k = 1100 needs two groups.
        const int m = 13, n = 2100, k = 1100;
        var a = CpuKernelTests.Random(m * k, 31);
        var b = CpuKernelTests.Random(k * n, 32);
        var c0 = CpuKernelTests.Random(m * n, 33);
        var expected = KernelReference.Gemm(false, true, m, n, k, a, b, c0, 1f);
        foreach (var (bits, threads) in Widths.SelectMany(w => new[] { 1, 2 }.Select(t => (w, t))))
        {
            var c = (float[])c0.Clone();
            PackedGemm.Multiply(false, true, m, n, k, a, b, c, 1f, threads, bits);
            AssertClose(expected, c, k, $"bits={bits} threads={threads}");
        }
    }

    [Theory]
    [InlineData(0, 1024, 256)]
    [InlineData(0, 512, 256)]
    [InlineData(512, 512, 256)]
    [InlineData(131, 377, 256)]
    [InlineData(1019, 5, 256)]
    [InlineData(7, 1, 256)]
    [InlineData(0, 512, 512)]
    [InlineData(131, 377, 512)]
    [InlineData(1019, 5, 512)]
    [InlineData(7, 1, 512)]
    public void RowRange_OfATransposedAProduct_HasTheBitsOfTheWholeProduct(int lo, int rows, int bits)
    {
        // What the two-rank factored step relies on: C[lo, lo+rows) computed on its own (A's columns packed side by
        // side, as a rank stacks its share of the layer inputs) equals those rows of the whole product, bit for bit.
        const int m = 1024, n = 128, k = 64;
        var a = CpuKernelTests.Random(k * m, 51);
        var b = CpuKernelTests.Random(k * n, 52);
        var whole = new float[m * n];
        PackedGemm.Multiply(true, false, m, n, k, a, b, whole, 0f, 1, bits);
        var slice = new float[k * rows];
        for (var e = 0; e < k; e++)
        {
            a.AsSpan((e * m) + lo, rows).CopyTo(slice.AsSpan(e * rows));
        }

        var part = new float[rows * n];
        PackedGemm.Multiply(true, false, rows, n, k, slice, b, part, 0f, 1, bits);
        Assert.Equal(whole.AsSpan(lo * n, rows * n).ToArray(), part);
    }

    [Fact]
    public void BetaZero_NeverReadsC()
    {
        const int m = 20, n = 40, k = 300;
        var a = CpuKernelTests.Random(m * k, 41);
        var b = CpuKernelTests.Random(k * n, 42);
        var expected = KernelReference.Gemm(false, false, m, n, k, a, b, new float[m * n], 0f);
        foreach (var (bits, threads) in Widths.SelectMany(w => new[] { 1, 2 }.Select(t => (w, t))))
        {
            var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
            PackedGemm.Multiply(false, false, m, n, k, a, b, c, 0f, threads, bits);
            AssertClose(expected, c, k, $"bits={bits} threads={threads}");
        }
    }

    [Fact]
    public void EmptyK_ScalesC()
    {
        float[] c = [1f, 2f, 3f, 4f];
        PackedGemm.Multiply(false, false, 2, 2, 0, [], [], c, 0.5f, 2);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], c);
        PackedGemm.Multiply(false, false, 2, 2, 0, [], [], c, 0f, 2);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void ShortOperands_Throw()
    {
        var c = new float[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => PackedGemm.Multiply(false, false, 2, 2, 3, new float[5], new float[6], c, 0f, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PackedGemm.Multiply(false, false, 2, 2, 3, new float[6], new float[5], c, 0f, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PackedGemm.Multiply(false, false, 2, 2, 3, new float[6], new float[6], new float[3], 0f, 1));
    }

    private static void AssertClose(float[] expected, float[] actual, int k, string what)
    {
        var tolerance = 1e-3 * Math.Sqrt(k + 1);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: c[{i}] = {actual[i]}, expected {expected[i]}");
        }
    }
}
