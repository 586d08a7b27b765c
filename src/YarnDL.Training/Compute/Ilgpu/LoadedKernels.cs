using ILGPU;
using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Every kernel compiled once per accelerator.</summary>
internal sealed class LoadedKernels(Accelerator a)
{
    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int, int, int, float, int> Gemm { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int, int, int, float, int>(IlgpuKernels.Gemm);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int, int, int> BiasActivation { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int, int, int>(IlgpuKernels.BiasActivation);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> ReluBackward { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(IlgpuKernels.ReluBackward);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int, int> BiasGrad { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int, int>(IlgpuKernels.BiasGrad);

    public Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, float, int> SoftmaxCrossEntropy { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, float, int>(IlgpuKernels.SoftmaxCrossEntropy);

    public Action<Index1D, ArrayView<float>, int, int> SumInto0 { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, int, int>(IlgpuKernels.SumInto0);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int, int> Im2Col3x3 { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int, int>(IlgpuKernels.Im2Col3x3);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float, int, int> SgdMomentum { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float, int, int>(IlgpuKernels.SgdMomentum);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AdamScalars, int, int> Adam { get; } =
        a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AdamScalars, int, int>(IlgpuKernels.Adam);
}
