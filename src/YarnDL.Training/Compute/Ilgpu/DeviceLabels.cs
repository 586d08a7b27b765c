using ILGPU;
using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Labels in accelerator memory.</summary>
internal sealed class DeviceLabels(MemoryBuffer1D<int, Stride1D.Dense> buffer, int length) : LabelTensor(length), IDisposable
{
    public ArrayView<int> View => buffer.View.AsContiguous();

    public void Dispose() => buffer.Dispose();
}
