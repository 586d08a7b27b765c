using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

/// <summary>The GPU-resident tensor kernels on ILGPU's CPU accelerator, on tiny sizes, against the managed CPU backend
/// (tolerance 1e-4 absolute + 1e-4 relative: the two sum in different orders).</summary>
public sealed class IlgpuKernelTests : IClassFixture<IlgpuKernelTests.Accelerator>, IDisposable
{
    private readonly IlgpuTensors gpu;
    private readonly CpuBackend cpuKernels = new(1);
    private readonly HostTensors cpu;

    public IlgpuKernelTests(Accelerator fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        gpu = fixture.Backend;
        cpu = new HostTensors(cpuKernels);
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
        cpu.Gemm(transA, transB, m, n, k, cpu.Mirror(a).All, cpu.Mirror(b).All, cpu.Mirror(c1).All, 0.5f);
        gpu.Gemm(transA, transB, m, n, k, gpu.Mirror(a).All, gpu.Mirror(b).All, gpu.Mirror(c2).All, 0.5f);
        AssertClose(c1, Pulled(c2));
    }

    [Fact]
    public void ElementwiseKernels_MatchCpuBackend()
    {
        const int rows = 3, cols = 10;
        var x1 = CpuKernelTests.Random(rows * cols, 4);
        var x2 = (float[])x1.Clone();
        var bias = CpuKernelTests.Random(cols, 5);
        cpu.BiasActivation(cpu.Mirror(x1).All, cpu.Mirror(bias).All, rows, cols, true);
        gpu.BiasActivation(gpu.Mirror(x2).All, gpu.Mirror(bias).All, rows, cols, true);
        AssertClose(x1, Pulled(x2));

        var g1 = CpuKernelTests.Random(rows * cols, 6);
        var g2 = (float[])g1.Clone();
        cpu.ReluBackward(cpu.Mirror(g1).All, cpu.Mirror(x1).All);
        gpu.ReluBackward(gpu.Mirror(g2).All, gpu.Mirror(x2).All);
        AssertClose(g1, Pulled(g2));

        float[] b1 = new float[cols], b2 = new float[cols];
        cpu.BiasGrad(cpu.Mirror(g1).All, cpu.Mirror(b1).All, rows, cols);
        gpu.BiasGrad(gpu.Mirror(g2).All, gpu.Mirror(b2).All, rows, cols);
        AssertClose(b1, Pulled(b2));

        var data = new Dataset(x1, [2, 0, 9], cols, cols);
        float[] s1 = new float[rows * cols], s2 = new float[rows * cols];
        var (l1, l2) = (Softmax(cpu, data, s1), Softmax(gpu, data, s2));
        Assert.Equal(l1, l2, 1e-4);
        AssertClose(s1, Pulled(s2));
    }

    [Fact]
    public void Im2Col_MatchesCpuBackend()
    {
        const int count = 2, side = 5;
        var images = CpuKernelTests.Random(count * side * side, 10);
        float[] c1 = new float[count * side * side * 9], c2 = new float[c1.Length];
        cpu.Im2Col3x3(cpu.Mirror(images).All, cpu.Mirror(c1).All, count, side);
        gpu.Im2Col3x3(gpu.Mirror(images).All, gpu.Mirror(c2).All, count, side);
        Assert.Equal(c1, Pulled(c2));
        Assert.Equal(0f, c1[0]); // top-left neighbour of pixel (0, 0) is padding
        Assert.Equal(images[0], c1[4]); // centre tap
    }

    [Fact]
    public void Optimizers_MatchCpuBackend()
    {
        var g = CpuKernelTests.Random(37, 7);
        var w1 = CpuKernelTests.Random(37, 8);
        var w2 = (float[])w1.Clone();
        float[] v1 = new float[37], v2 = new float[37], m1 = new float[37], m2 = new float[37];
        cpu.SgdMomentum(cpu.Mirror(w1).All, cpu.Mirror(g).All, cpu.Mirror(v1).All, 0.1f, 0.9f);
        gpu.SgdMomentum(gpu.Mirror(w2).All, gpu.Mirror(g).All, gpu.Mirror(v2).All, 0.1f, 0.9f);
        AssertClose(w1, Pulled(w2));
        Array.Clear(v1);
        Array.Clear(v2);
        gpu.Push(v2, 0, v2.Length);
        cpu.Adam(cpu.Mirror(w1).All, cpu.Mirror(g).All, cpu.Mirror(m1).All, cpu.Mirror(v1).All, 0.01f, 0.9f, 0.999f, 1e-8f, 3);
        gpu.Adam(gpu.Mirror(w2).All, gpu.Mirror(g).All, gpu.Mirror(m2).All, gpu.Mirror(v2).All, 0.01f, 0.9f, 0.999f, 1e-8f, 3);
        AssertClose(w1, Pulled(w2));
        AssertClose(m1, Pulled(m2));
        AssertClose(v1, Pulled(v2));
    }

    [Fact]
    public void MlpGradient_OnIlgpu_MatchesCpuBackend()
    {
        var data = SyntheticDataset.Create(6, 5, 3, 9);
        int[] batch = [0, 1, 2, 3, 4, 5];
        var onCpu = new Mlp(cpuKernels, [5, 4, 3], 1);
        var onGpu = new Mlp(gpu, [5, 4, 3], 1);
        float[] g1 = new float[onCpu.Parameters.Length], g2 = new float[onGpu.Parameters.Length];
        Assert.Equal(onCpu.LossAndGradient(data, batch, 1f, g1), onGpu.LossAndGradient(data, batch, 1f, g2), 1e-4);
        AssertClose(g1, g2);
    }

    [Fact]
    public void EveryCopy_IsCounted_InBytes()
    {
        var (toDevice, toHost) = (gpu.BytesToDevice, gpu.BytesToHost);
        var host = new float[10];
        gpu.Mirror(host);
        gpu.Mirror(host);
        gpu.Push(host, 2, 3);
        gpu.Pull(host, 0, 5);
        var data = SyntheticDataset.Create(4, 6, 2, 1);
        gpu.LoadBatch(data, [3, 1, 2], gpu.Allocate(18).All, gpu.AllocateLabels(3));
        Assert.Equal((10 + 3 + 18 + 3) * 4, gpu.BytesToDevice - toDevice);
        Assert.Equal(5 * 4, gpu.BytesToHost - toHost);
    }

    public void Dispose() => cpuKernels.Dispose();

    private static float Softmax(ITensorBackend t, Dataset data, float[] grad)
    {
        var rows = data.Count;
        var logits = t.Allocate(rows * data.FeatureCount);
        var labels = t.AllocateLabels(rows);
        t.LoadBatch(data, [.. Enumerable.Range(0, rows)], logits.All, labels);
        return t.SoftmaxCrossEntropy(logits.All, labels, t.Mirror(grad).All, rows, data.FeatureCount, 0.5f);
    }

    private float[] Pulled(float[] host)
    {
        gpu.Pull(host, 0, host.Length);
        return host;
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
        internal IlgpuTensors Backend { get; } = IlgpuTensors.OnCpuAccelerator();

        public void Dispose() => Backend.Dispose();
    }
}
