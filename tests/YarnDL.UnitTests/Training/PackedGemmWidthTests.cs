using YarnDL.Training.Compute.Cpu;

namespace YarnDL.UnitTests.Training;

/// <summary>The AVX-512 and AVX2 blockings against the naive product and against each other, on the shapes the
/// models run (digits: 64 features, 8×8 images, 16 channels, 128 hidden units, 10 classes, batches of 32 and 64;
/// MNIST-sized: 784 features) and on odd ones, with 1 and 2 threads. Where AVX-512 is missing both runs take the
/// AVX2 kernels and the comparisons still hold.</summary>
public sealed class PackedGemmWidthTests
{
    public static TheoryData<bool, bool, int, int, int> ModelShapes() => new()
    {
        // MLP 64-128-128-10, batch 32: forward, weight gradients, deltas.
        { false, false, 32, 128, 64 },
        { false, false, 32, 128, 128 },
        { false, false, 32, 10, 128 },
        { true, false, 64, 128, 32 },
        { true, false, 128, 128, 32 },
        { true, false, 128, 10, 32 },
        { false, true, 32, 128, 10 },
        { false, true, 32, 128, 128 },

        // CNN on 8×8 images, batch 64: im2col convolution, hidden and output layers, their gradients.
        { false, false, 4096, 16, 9 },
        { false, false, 64, 128, 1024 },
        { false, false, 64, 10, 128 },
        { true, false, 128, 10, 64 },
        { false, true, 64, 128, 10 },
        { true, false, 1024, 128, 64 },
        { true, false, 517, 128, 64 },
        { false, true, 64, 1024, 128 },
        { true, false, 9, 16, 4096 },

        // MNIST-sized MLP layer, and odd shapes around both blockings.
        { false, false, 32, 128, 784 },
        { true, false, 784, 128, 32 },
        { false, true, 32, 784, 128 },
        { false, false, 61, 97, 263 },
        { true, true, 45, 33, 511 },
        { false, true, 250, 250, 250 },
    };

    [Theory]
    [MemberData(nameof(ModelShapes))]
    public void BothWidths_MatchTheNaiveProduct_AndEachOtherBitForBit(bool transA, bool transB, int m, int n, int k)
    {
        var a = CpuKernelTests.Random(m * k, 61);
        var b = CpuKernelTests.Random(k * n, 62);
        var c0 = CpuKernelTests.Random(m * n, 63);
        foreach (var beta in new[] { 0f, 1f })
        {
            var expected = KernelReference.Gemm(transA, transB, m, n, k, a, b, c0, beta);
            var narrow = (float[])c0.Clone();
            PackedGemm.Multiply(transA, transB, m, n, k, a, b, narrow, beta, 1, 256);
            AssertClose(expected, narrow, k, $"bits=256 beta={beta}");
            foreach (var threads in new[] { 1, 2 })
            {
                var wide = (float[])c0.Clone();
                PackedGemm.Multiply(transA, transB, m, n, k, a, b, wide, beta, threads, 512);

                // The same k-blocks and the same fused multiply-add chain per element: the width changes no bit.
                Assert.Equal(narrow, wide);
            }
        }
    }

    [Fact]
    public void DefaultWidth_IsTheWidestSupported_Unless256IsAskedFor()
    {
        var widest = PackedGemm.IsWideSupported ? 512 : PackedGemm.IsAccelerated ? 256 : 0;
        Assert.Equal(widest, PackedGemm.ChooseVectorBits(null));
        Assert.Equal(widest, PackedGemm.ChooseVectorBits("512"));
        Assert.Equal(widest, PackedGemm.ChooseVectorBits("wide"));
        Assert.Equal(PackedGemm.IsAccelerated ? 256 : 0, PackedGemm.ChooseVectorBits("256"));
        Assert.Equal(PackedGemm.IsAccelerated ? 256 : 0, PackedGemm.ChooseVectorBits(" 256 "));
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
