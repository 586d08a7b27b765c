using ILGPU;
using ILGPU.Runtime.Cuda;
using YarnDL.Training.Config;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Row-major fp32 GEMM through cuBLAS on the accelerator's default stream (so it orders with the ILGPU
/// kernels). cuBLAS is column-major: a row-major X is its column-major transpose, so C = op(A)·op(B) is computed as
/// Cᵀ = op(B)ᵀ·op(A)ᵀ with the operands swapped and each leading dimension the stored row length.</summary>
internal sealed class CublasGemm : IDisposable
{
    private readonly CuBlas _blas;

    /// <exception cref="NoCudaDeviceException">libcublas (CUDA 12, or 11/10) cannot be loaded.</exception>
    public CublasGemm(CudaAccelerator accelerator)
    {
        try
        {
            _blas = new CuBlas(accelerator) { Stream = (CudaStream)accelerator.DefaultStream };
        }
        catch (Exception e) when (e is DllNotFoundException or CuBlasException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new NoCudaDeviceException(
                $"{accelerator.Name}: cuBLAS could not be loaded ({e.Message}); the trainer needs libcublas.so.12 from the CUDA 12 runtime: "
                + "run it in the yarndl-trainer GPU image (nvidia/cuda 12 runtime base), install cuBLAS 12 on the host, or set trainer.backend: cpu",
                e);
        }
    }

    public void Multiply(bool transA, bool transB, int m, int n, int k, ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, float beta) =>
        _blas.Gemm(
            transB ? CuBlasOperation.Transpose : CuBlasOperation.NonTranspose,
            transA ? CuBlasOperation.Transpose : CuBlasOperation.NonTranspose,
            n,
            m,
            k,
            1f,
            b,
            transB ? k : n,
            a,
            transA ? m : k,
            beta,
            c,
            n);

    public void Dispose() => _blas.Dispose();
}
