using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Data;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>GPU-resident tensors: every tensor is an ILGPU memory buffer that stays on the accelerator for the life of
/// the backend, so a training step moves only the batch in and the loss out, and with several ranks the gradient out
/// and the reduced gradient back in through page-locked staging memory. GEMM runs through cuBLAS on CUDA and as an ILGPU kernel elsewhere; everything else is an ILGPU kernel. On ILGPU's
/// CPU accelerator the same code runs (simulated GPUs, tests), copies included, so the transfer counts hold there too.</summary>
internal sealed partial class IlgpuTensors : ITensorBackend
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly int _stride;
    private readonly LoadedKernels _kernels;
    private readonly CublasGemm? _cublas;
    private readonly Dictionary<float[], DeviceTensor> _mirrors = new(ReferenceEqualityComparer.Instance);
    private readonly List<IDisposable> _owned = [];
    private readonly Lazy<CpuBackend> _hostKernels = new(() => new CpuBackend(Environment.ProcessorCount));
    private DeviceTensor? _rowLosses;
    private float[] _featureStaging = [];
    private int[] _labelStaging = [];
    private long _toDevice;
    private long _toHost;

    private IlgpuTensors(Context context, Device device)
    {
        _context = context;
        _accelerator = device.CreateAccelerator(context);
        _stride = _accelerator.AcceleratorType == AcceleratorType.CPU ? 64 : 64 * 1024;
        _kernels = new LoadedKernels(_accelerator);
        _cublas = _accelerator is CudaAccelerator cuda ? new CublasGemm(cuda) : null;
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

    public string Name => $"ilgpu-{_accelerator.AcceleratorType.ToString().ToLowerInvariant()} ({_accelerator.Name})";

    /// <summary>True for a CUDA device (GEMM through cuBLAS).</summary>
    public bool IsCuda => _cublas is not null;

    public bool IsResident => true;

    public IComputeBackend HostKernels => _hostKernels.Value;

    public long BytesToDevice => Interlocked.Read(ref _toDevice);

    public long BytesToHost => Interlocked.Read(ref _toHost);

    public Tensor Allocate(int length)
    {
        var t = new DeviceTensor(_accelerator.Allocate1D<float>(Math.Max(1, length)), length);
        _owned.Add(t);
        return t;
    }

    public LabelTensor AllocateLabels(int length)
    {
        var t = new DeviceLabels(_accelerator.Allocate1D<int>(Math.Max(1, length)), length);
        _owned.Add(t);
        return t;
    }

    public Tensor Mirror(float[] host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!_mirrors.TryGetValue(host, out var t))
        {
            t = (DeviceTensor)Allocate(host.Length);
            _mirrors.Add(host, t);
            if (!TryCopyInPageLocked(host, 0, host.Length, t))
            {
                CopyIn(host, t.View(0, host.Length));
            }
        }

        return t;
    }

    public void Push(float[] host, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (_mirrors.TryGetValue(host, out var t))
        {
            if (!TryCopyInPageLocked(host, start, count, t))
            {
                CopyIn(host.AsSpan(start, count), t.View(start, count));
            }
        }
        else
        {
            Mirror(host);
        }
    }

    public void Pull(float[] host, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(host);
        var mirror = (DeviceTensor)Mirror(host);
        if (!TryCopyOutPageLocked(host, start, count, mirror))
        {
            CopyOut(mirror.View(start, count), host.AsSpan(start, count));
        }
    }

    public void LoadBatch(Dataset data, ReadOnlySpan<int> batch, TensorView features, LabelTensor labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.FeatureCount;
        var n = batch.Length;
        if (_featureStaging.Length < n * d)
        {
            _featureStaging = new float[n * d];
            _labelStaging = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            data.Features.AsSpan(batch[i] * d, d).CopyTo(_featureStaging.AsSpan(i * d, d));
            _labelStaging[i] = data.Labels[batch[i]];
        }

        CopyIn(_featureStaging.AsSpan(0, n * d), features.Slice(0, n * d));
        if (n > 0)
        {
            ((DeviceLabels)labels).View.SubView(0, n).CopyFromCPU(_labelStaging.AsSpan(0, n));
            Interlocked.Add(ref _toDevice, (long)n * sizeof(int));
        }
    }

    public void Dispose()
    {
        _accelerator.Synchronize();
        _cublas?.Dispose();
        foreach (var o in _owned)
        {
            o.Dispose();
        }

        if (_hostKernels.IsValueCreated)
        {
            _hostKernels.Value.Dispose();
        }

        _accelerator.Dispose();
        _context.Dispose();
    }

    private static Context NewContext() => Context.Create(b => b.Default().EnableAlgorithms().Optimize(OptimizationLevel.O1));

    private void CopyIn(ReadOnlySpan<float> source, TensorView target)
    {
        if (source.Length == 0)
        {
            return;
        }

        DeviceTensor.Of(target).SubView(0, source.Length).CopyFromCPU(source);
        Interlocked.Add(ref _toDevice, (long)source.Length * sizeof(float));
    }

    private void CopyOut(TensorView source, Span<float> target)
    {
        if (target.Length == 0)
        {
            return;
        }

        _accelerator.Synchronize();
        DeviceTensor.Of(source).SubView(0, target.Length).CopyToCPU(target);
        _accelerator.Synchronize();
        Interlocked.Add(ref _toHost, (long)target.Length * sizeof(float));
    }
}
