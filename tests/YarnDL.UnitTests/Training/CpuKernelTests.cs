using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Data;

namespace YarnDL.UnitTests.Training;

public sealed class CpuKernelTests
{
    private readonly CpuBackend cpu = new(2);

    public static TheoryData<bool, bool, int, int, int> Shapes()
    {
        var d = new TheoryData<bool, bool, int, int, int>();
        foreach (var ta in new[] { false, true })
        {
            foreach (var tb in new[] { false, true })
            {
                d.Add(ta, tb, 1, 1, 1);
                d.Add(ta, tb, 7, 13, 5);
                d.Add(ta, tb, 37, 41, 300);
                d.Add(ta, tb, 150, 130, 270);
            }
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gemm_MatchesNaiveProduct(bool transA, bool transB, int m, int n, int k)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var c = Random(m * n, 3);
        var expected = KernelReference.Gemm(transA, transB, m, n, k, a, b, c, 0.5f);

        cpu.Gemm(transA, transB, m, n, k, a, b, c, 0.5f);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], c[i], 1e-3 * Math.Sqrt(k));
        }
    }

    [Fact]
    public void SoftmaxCrossEntropy_GradientMatchesFiniteDifferences()
    {
        const int rows = 3, cols = 5;
        var z = Random(rows * cols, 4);
        int[] labels = [1, 4, 0];
        var grad = new float[rows * cols];
        cpu.SoftmaxCrossEntropy(z, labels, grad, rows, cols, 1f);
        var scratch = new float[rows * cols];
        for (var i = 0; i < z.Length; i++)
        {
            var numeric = FiniteDifference.Central(z, i, x => cpu.SoftmaxCrossEntropy(x, labels, scratch, rows, cols, 1f));
            Assert.Equal(numeric, grad[i], 2e-3);
        }
    }

    [Fact]
    public void SgdMomentum_FollowsTheUpdateRule()
    {
        float[] w = [1f, -2f], g = [0.5f, 0.25f], v = [0.1f, 0f];
        cpu.SgdMomentum(w, g, v, 0.1f, 0.9f);
        Assert.Equal([0.59f, 0.25f], v, (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.Equal([1f - 0.059f, -2f - 0.025f], w, (x, y) => Math.Abs(x - y) < 1e-6);
    }

    [Fact]
    public void Adam_FirstStepMovesEachWeightByTheLearningRate()
    {
        // With bias correction, Adam's first step is lr * g / (|g| + eps) = lr * sign(g).
        float[] w = [1f, 1f], g = [3f, -0.5f], m = new float[2], v = new float[2];
        cpu.Adam(w, g, m, v, 0.01f, 0.9f, 0.999f, 1e-8f, 1);
        Assert.Equal(0.99f, w[0], 1e-5);
        Assert.Equal(1.01f, w[1], 1e-5);
    }

    internal static float[] Random(int n, ulong seed)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)rng.NextGaussian())];
    }
}
