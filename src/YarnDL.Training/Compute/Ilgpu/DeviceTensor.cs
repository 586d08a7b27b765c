using ILGPU;
using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>A tensor in accelerator memory.</summary>
internal sealed class DeviceTensor(MemoryBuffer1D<float, Stride1D.Dense> buffer, int length) : Tensor(length), IDisposable
{
    public MemoryBuffer1D<float, Stride1D.Dense> Buffer { get; } = buffer;

    /// <summary>The kernels' view of <paramref name="view"/>'s floats.</summary>
    public static ArrayView<float> Of(TensorView view) =>
        ((DeviceTensor)view.Tensor).Buffer.View.AsContiguous().SubView(view.Offset, Math.Max(1, view.Length));

    public void Dispose() => Buffer.Dispose();
}
