using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Data;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>GPU-resident tensors: every tensor is an ILGPU memory buffer that stays on the accelerator for the life of
/// the backend, so a training step moves only the batch in, the loss and the gradient out and the reduced gradient back
/// in. GEMM runs through cuBLAS on CUDA and as an ILGPU kernel elsewhere; everything else is an ILGPU kernel. On ILGPU's
/// CPU accelerator the same code runs (simulated GPUs, tests), copies included, so the transfer counts hold there too.</summary>
public sealed partial class IlgpuTensors : ITensorBackend
{
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly int stride;
    private readonly LoadedKernels kernels;
    private readonly CublasGemm? cublas;
    private readonly Dictionary<float[], DeviceTensor> mirrors = new(ReferenceEqualityComparer.Instance);
    private readonly List<IDisposable> owned = [];
    private readonly Lazy<CpuBackend> hostKernels = new(() => new CpuBackend(Environment.ProcessorCount));
    private DeviceTensor? rowLosses;
    private float[] featureStaging = [];
    private int[] labelStaging = [];
    private long toDevice;
    private long toHost;

    private IlgpuTensors(Context context, Device device)
    {
        this.context = context;
        accelerator = device.CreateAccelerator(context);
        stride = accelerator.AcceleratorType == AcceleratorType.CPU ? 64 : 64 * 1024;
        kernels = new LoadedKernels(accelerator);
        cublas = accelerator is CudaAccelerator cuda ? new CublasGemm(cuda) : null;
    }

    /// <summary>The first CUDA device; null when ILGPU finds none (no driver, or none visible).</summary>
    /// <exception cref="Config.NoCudaDeviceException">A device exists but cuBLAS (libcublas.so.12) cannot be loaded.</exception>
    public static IlgpuTensors? OnCuda()
    {
        var context = NewContext();
        if (context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda) is not { } cuda)
        {
            context.Dispose();
            return null;
        }

        return new IlgpuTensors(context, cuda);
    }

    /// <summary>The same kernels on ILGPU's CPU accelerator (simulated GPUs, kernel tests).</summary>
    public static IlgpuTensors OnCpuAccelerator()
    {
        var context = NewContext();
        return new IlgpuTensors(context, context.Devices.First(d => d.AcceleratorType == AcceleratorType.CPU));
    }

    public string Name => $"ilgpu-{accelerator.AcceleratorType.ToString().ToLowerInvariant()} ({accelerator.Name})";

    /// <summary>True for a CUDA device (GEMM through cuBLAS).</summary>
    public bool IsCuda => cublas is not null;

    public bool IsResident => true;

    public IComputeBackend HostKernels => hostKernels.Value;

    public long BytesToDevice => Interlocked.Read(ref toDevice);

    public long BytesToHost => Interlocked.Read(ref toHost);

    public Tensor Allocate(int length)
    {
        var t = new DeviceTensor(accelerator.Allocate1D<float>(Math.Max(1, length)), length);
        owned.Add(t);
        return t;
    }

    public LabelTensor AllocateLabels(int length)
    {
        var t = new DeviceLabels(accelerator.Allocate1D<int>(Math.Max(1, length)), length);
        owned.Add(t);
        return t;
    }

    public Tensor Mirror(float[] host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!mirrors.TryGetValue(host, out var t))
        {
            t = (DeviceTensor)Allocate(host.Length);
            mirrors.Add(host, t);
            CopyIn(host, t.View(0, host.Length));
        }

        return t;
    }

    public void Push(float[] host, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (mirrors.TryGetValue(host, out var t))
        {
            CopyIn(host.AsSpan(start, count), t.View(start, count));
        }
        else
        {
            Mirror(host);
        }
    }

    public void Pull(float[] host, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(host);
        CopyOut(Mirror(host).View(start, count), host.AsSpan(start, count));
    }

    public void LoadBatch(Dataset data, ReadOnlySpan<int> batch, TensorView features, LabelTensor labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.FeatureCount;
        var n = batch.Length;
        if (featureStaging.Length < n * d)
        {
            featureStaging = new float[n * d];
            labelStaging = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            data.Features.AsSpan(batch[i] * d, d).CopyTo(featureStaging.AsSpan(i * d, d));
            labelStaging[i] = data.Labels[batch[i]];
        }

        CopyIn(featureStaging.AsSpan(0, n * d), features.Slice(0, n * d));
        if (n > 0)
        {
            ((DeviceLabels)labels).View.SubView(0, n).CopyFromCPU(labelStaging.AsSpan(0, n));
            Interlocked.Add(ref toDevice, (long)n * sizeof(int));
        }
    }

    public void Dispose()
    {
        accelerator.Synchronize();
        cublas?.Dispose();
        foreach (var o in owned)
        {
            o.Dispose();
        }

        if (hostKernels.IsValueCreated)
        {
            hostKernels.Value.Dispose();
        }

        accelerator.Dispose();
        context.Dispose();
    }

    private static Context NewContext() => Context.Create(b => b.Default().EnableAlgorithms().Optimize(OptimizationLevel.O1));

    private void CopyIn(ReadOnlySpan<float> source, TensorView target)
    {
        if (source.Length == 0)
        {
            return;
        }

        DeviceTensor.Of(target).SubView(0, source.Length).CopyFromCPU(source);
        Interlocked.Add(ref toDevice, (long)source.Length * sizeof(float));
    }

    private void CopyOut(TensorView source, Span<float> target)
    {
        if (target.Length == 0)
        {
            return;
        }

        accelerator.Synchronize();
        DeviceTensor.Of(source).SubView(0, target.Length).CopyToCPU(target);
        accelerator.Synchronize();
        Interlocked.Add(ref toHost, (long)target.Length * sizeof(float));
    }
}
