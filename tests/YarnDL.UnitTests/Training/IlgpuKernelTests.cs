using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

/// <summary>The ILGPU kernels on ILGPU's CPU accelerator, on tiny sizes, against the CPU backend.</summary>
public sealed class IlgpuKernelTests : IClassFixture<IlgpuKernelTests.Accelerator>
{
    private readonly IlgpuBackend gpu;
    private readonly CpuBackend cpu = new(1);

    public IlgpuKernelTests(Accelerator fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        gpu = fixture.Backend;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Gemm_MatchesCpuBackend(bool transA, bool transB)
    {
        const int m = 7, n = 9, k = 5;
        var a = CpuKernelTests.Random(m * k, 1);
        var b = CpuKernelTests.Random(k * n, 2);
        var c1 = CpuKernelTests.Random(m * n, 3);
        var c2 = (float[])c1.Clone();
        cpu.Gemm(transA, transB, m, n, k, a, b, c1, 0.5f);
        gpu.Gemm(transA, transB, m, n, k, a, b, c2, 0.5f);
        AssertClose(c1, c2);
    }

    [Fact]
    public void ElementwiseKernels_MatchCpuBackend()
    {
        const int rows = 3, cols = 10;
        var x1 = CpuKernelTests.Random(rows * cols, 4);
        var x2 = (float[])x1.Clone();
        var bias = CpuKernelTests.Random(cols, 5);
        cpu.BiasActivation(x1, bias, rows, cols, true);
        gpu.BiasActivation(x2, bias, rows, cols, true);
        AssertClose(x1, x2);

        var g1 = CpuKernelTests.Random(rows * cols, 6);
        var g2 = (float[])g1.Clone();
        cpu.ReluBackward(g1, x1);
        gpu.ReluBackward(g2, x1);
        AssertClose(g1, g2);

        float[] b1 = new float[cols], b2 = new float[cols];
        cpu.BiasGrad(g1, b1, rows, cols);
        gpu.BiasGrad(g1, b2, rows, cols);
        AssertClose(b1, b2);

        int[] labels = [2, 0, 9];
        float[] s1 = new float[rows * cols], s2 = new float[rows * cols];
        var l1 = cpu.SoftmaxCrossEntropy(x1, labels, s1, rows, cols, 0.5f);
        var l2 = gpu.SoftmaxCrossEntropy(x1, labels, s2, rows, cols, 0.5f);
        Assert.Equal(l1, l2, 1e-4);
        AssertClose(s1, s2);
    }

    [Fact]
    public void Optimizers_MatchCpuBackend()
    {
        var g = CpuKernelTests.Random(37, 7);
        var w1 = CpuKernelTests.Random(37, 8);
        var w2 = (float[])w1.Clone();
        float[] v1 = new float[37], v2 = new float[37], m1 = new float[37], m2 = new float[37];
        cpu.SgdMomentum(w1, g, v1, 0.1f, 0.9f);
        gpu.SgdMomentum(w2, g, v2, 0.1f, 0.9f);
        AssertClose(w1, w2);
        Array.Clear(v1);
        Array.Clear(v2);
        cpu.Adam(w1, g, m1, v1, 0.01f, 0.9f, 0.999f, 1e-8f, 3);
        gpu.Adam(w2, g, m2, v2, 0.01f, 0.9f, 0.999f, 1e-8f, 3);
        AssertClose(w1, w2);
        AssertClose(m1, m2);
        AssertClose(v1, v2);
    }

    [Fact]
    public void MlpGradient_OnIlgpu_MatchesCpuBackend()
    {
        var data = SyntheticDataset.Create(6, 5, 3, 9);
        int[] batch = [0, 1, 2, 3, 4, 5];
        var onCpu = new Mlp(cpu, [5, 4, 3], 1);
        var onGpu = new Mlp(gpu, [5, 4, 3], 1);
        float[] g1 = new float[onCpu.Parameters.Length], g2 = new float[onGpu.Parameters.Length];
        Assert.Equal(onCpu.LossAndGradient(data, batch, 1f, g1), onGpu.LossAndGradient(data, batch, 1f, g2), 1e-4);
        AssertClose(g1, g2);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 + (1e-4 * Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    /// <summary>One ILGPU context for the class (kernel compilation costs ~200 ms each).</summary>
    public sealed class Accelerator : IDisposable
    {
        public IlgpuBackend Backend { get; } = new(preferCpu: true);

        public void Dispose() => Backend.Dispose();
    }
}
