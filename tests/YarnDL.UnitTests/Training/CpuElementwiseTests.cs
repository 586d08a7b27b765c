using YarnDL.Training.Compute.Cpu;

namespace YarnDL.UnitTests.Training;

/// <summary>The vectorised elementwise kernels give exactly the scalar formulas' results (same operations, same order),
/// including the scalar tails of lengths that are not a multiple of the vector width.</summary>
public sealed class CpuElementwiseTests
{
    private readonly CpuBackend cpu = new(1);

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 16)]
    [InlineData(7, 19)]
    [InlineData(64, 128)]
    public void BiasActivation_ReluBackward_BiasGrad_MatchTheScalarFormulas(int rows, int cols)
    {
        var x = CpuKernelTests.Random(rows * cols, 51);
        var bias = CpuKernelTests.Random(cols, 52);
        foreach (var relu in new[] { false, true })
        {
            var got = (float[])x.Clone();
            cpu.BiasActivation(got, bias, rows, cols, relu);
            for (var i = 0; i < x.Length; i++)
            {
                var v = x[i] + bias[i % cols];
                Assert.Equal(relu && v < 0f ? 0f : v, got[i]);
            }
        }

        var act = (float[])x.Clone();
        act[0] = -0f;
        var grad = CpuKernelTests.Random(rows * cols, 53);
        var back = (float[])grad.Clone();
        cpu.ReluBackward(back, act);
        for (var i = 0; i < grad.Length; i++)
        {
            Assert.Equal(act[i] <= 0f ? 0f : grad[i], back[i]);
        }

        var sums = new float[cols + 2];
        cpu.BiasGrad(grad, sums, rows, cols);
        for (var j = 0; j < cols; j++)
        {
            var s = 0f;
            for (var r = 0; r < rows; r++)
            {
                s += grad[(r * cols) + j];
            }

            Assert.Equal(s, sums[j]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(1031)]
    public void Adam_IsBitIdenticalToTheScalarFormula(int n)
    {
        var w = CpuKernelTests.Random(n, 61);
        var g = CpuKernelTests.Random(n, 62);
        var m = CpuKernelTests.Random(n, 63);
        var v = CpuKernelTests.Random(n, 64).Select(Math.Abs).ToArray();
        float[] w2 = [.. w], m2 = [.. m], v2 = [.. v];
        const float lr = 0.003f, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
        const long t = 7;
        cpu.Adam(w, g, m, v, lr, b1, b2, eps, t);
        var c1 = 1f - MathF.Pow(b1, t);
        var c2 = 1f - MathF.Pow(b2, t);
        for (var i = 0; i < n; i++)
        {
            m2[i] = (b1 * m2[i]) + ((1f - b1) * g[i]);
            v2[i] = (b2 * v2[i]) + ((1f - b2) * g[i] * g[i]);
            w2[i] -= lr * (m2[i] / c1) / (MathF.Sqrt(v2[i] / c2) + eps);
        }

        Assert.Equal(m2, m);
        Assert.Equal(v2, v);
        Assert.Equal(w2, w);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1031)]
    public void SgdMomentum_IsBitIdenticalToTheScalarFormula(int n)
    {
        var w = CpuKernelTests.Random(n, 71);
        var g = CpuKernelTests.Random(n, 72);
        var vel = CpuKernelTests.Random(n, 73);
        float[] w2 = [.. w], vel2 = [.. vel];
        cpu.SgdMomentum(w, g, vel, 0.05f, 0.9f);
        for (var i = 0; i < n; i++)
        {
            vel2[i] = (0.9f * vel2[i]) + g[i];
            w2[i] -= 0.05f * vel2[i];
        }

        Assert.Equal(vel2, vel);
        Assert.Equal(w2, w);
    }
}
