using ILGPU;
using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>ILGPU backend: CUDA when a CUDA device exists, else ILGPU's CPU accelerator. Operands are copied to the
/// device per call (simple and correct; the CPU path is for testing the kernels, <see cref="Cpu.CpuBackend"/> is the fast one).</summary>
public sealed partial class IlgpuBackend : IComputeBackend
{
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly int stride;

    public IlgpuBackend(bool preferCpu = false)
        : this(NewContext(), c => c.GetPreferredDevice(preferCPU: preferCpu))
    {
    }

    private IlgpuBackend(Context context, Func<Context, Device> device)
    {
        this.context = context;
        accelerator = device(context).CreateAccelerator(context);
        stride = accelerator.AcceleratorType == AcceleratorType.CPU ? 64 : 64 * 1024;
        Kernels = new LoadedKernels(accelerator);
    }

    /// <summary>The kernels on the first CUDA device; null when ILGPU finds none (no driver, or none visible).</summary>
    public static IlgpuBackend? OnCuda()
    {
        var context = NewContext();
        if (context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda) is not { } cuda)
        {
            context.Dispose();
            return null;
        }

        return new IlgpuBackend(context, _ => cuda);
    }

    /// <summary>The same kernels on ILGPU's CPU accelerator (simulated GPUs, kernel tests).</summary>
    public static IlgpuBackend OnCpuAccelerator() =>
        new(NewContext(), c => c.Devices.First(d => d.AcceleratorType == AcceleratorType.CPU));

    /// <summary>True for a CUDA device.</summary>
    public bool IsCuda => accelerator.AcceleratorType == AcceleratorType.Cuda;

    private static Context NewContext() => Context.Create(b => b.Default().EnableAlgorithms().Optimize(OptimizationLevel.O1));

    public string Name => $"ilgpu-{accelerator.AcceleratorType.ToString().ToLowerInvariant()} ({accelerator.Name})";

    private LoadedKernels Kernels { get; }

    public void Gemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta)
    {
        using var da = Upload(a[..(m * k)]);
        using var db = Upload(b[..(k * n)]);
        using var dc = Upload(c[..(m * n)]);
        Kernels.Gemm(stride, da.View, db.View, dc.View, m, n, k, transA ? 1 : 0, transB ? 1 : 0, beta, stride);
        Download(dc, c[..(m * n)]);
    }

    public void BiasActivation(Span<float> x, ReadOnlySpan<float> bias, int rows, int cols, bool relu)
    {
        using var dx = Upload(x[..(rows * cols)]);
        using var db = Upload(bias[..cols]);
        Kernels.BiasActivation(stride, dx.View, db.View, rows * cols, cols, relu ? 1 : 0, stride);
        Download(dx, x[..(rows * cols)]);
    }

    public void ReluBackward(Span<float> grad, ReadOnlySpan<float> activation)
    {
        using var dg = Upload(grad);
        using var da = Upload(activation[..grad.Length]);
        Kernels.ReluBackward(stride, dg.View, da.View, grad.Length, stride);
        Download(dg, grad);
    }

    public void BiasGrad(ReadOnlySpan<float> grad, Span<float> biasGrad, int rows, int cols)
    {
        using var dg = Upload(grad[..(rows * cols)]);
        using var db = accelerator.Allocate1D<float>(cols);
        Kernels.BiasGrad(stride, dg.View, db.View, rows, cols, stride);
        Download(db, biasGrad[..cols]);
    }

    public float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> grad, int rows, int cols, float scale)
    {
        using var dz = Upload(logits[..(rows * cols)]);
        using var dl = accelerator.Allocate1D<int>(rows);
        dl.View.AsContiguous().CopyFromCPU(labels[..rows]);
        using var dg = accelerator.Allocate1D<float>(rows * cols);
        using var loss = accelerator.Allocate1D<float>(rows);
        Kernels.SoftmaxCrossEntropy(stride, dz.View, dl.View, dg.View, loss.View, rows, cols, scale, stride);
        Download(dg, grad[..(rows * cols)]);
        var perRow = new float[rows];
        loss.View.CopyToCPU(perRow);
        return perRow.Sum();
    }

    public void SgdMomentum(Span<float> w, ReadOnlySpan<float> g, Span<float> velocity, float lr, float momentum)
    {
        using var dw = Upload(w);
        using var dg = Upload(g[..w.Length]);
        using var dv = Upload(velocity[..w.Length]);
        Kernels.SgdMomentum(stride, dw.View, dg.View, dv.View, lr, momentum, w.Length, stride);
        Download(dw, w);
        Download(dv, velocity[..w.Length]);
    }

    public void Adam(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lr, float beta1, float beta2, float epsilon, long t)
    {
        using var dw = Upload(w);
        using var dg = Upload(g[..w.Length]);
        using var dm = Upload(m[..w.Length]);
        using var dv = Upload(v[..w.Length]);
        var s = new AdamScalars(lr, beta1, beta2, epsilon, 1f - MathF.Pow(beta1, t), 1f - MathF.Pow(beta2, t));
        Kernels.Adam(stride, dw.View, dg.View, dm.View, dv.View, s, w.Length, stride);
        Download(dw, w);
        Download(dm, m[..w.Length]);
        Download(dv, v[..w.Length]);
    }

    public void Dispose()
    {
        accelerator.Dispose();
        context.Dispose();
    }

    private MemoryBuffer1D<float, Stride1D.Dense> Upload(ReadOnlySpan<float> data)
    {
        var buffer = accelerator.Allocate1D<float>(Math.Max(1, data.Length));
        if (data.Length > 0)
        {
            buffer.View.AsContiguous().SubView(0, data.Length).CopyFromCPU(data);
        }

        return buffer;
    }

    private void Download(MemoryBuffer1D<float, Stride1D.Dense> buffer, Span<float> target)
    {
        accelerator.Synchronize();
        if (target.Length > 0)
        {
            buffer.View.AsContiguous().SubView(0, target.Length).CopyToCPU(target);
        }
    }
}
