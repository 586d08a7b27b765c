using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

internal sealed partial class IlgpuTensors
{
    public void Clear(TensorView view)
    {
        if (view.Length > 0)
        {
            DeviceTensor.Of(view).MemSetToZero(_accelerator.DefaultStream);
        }
    }

    public void Gemm(bool transA, bool transB, int m, int n, int k, TensorView a, TensorView b, TensorView c, float beta)
    {
        if (_cublas is not null)
        {
            _cublas.Multiply(transA, transB, m, n, k, DeviceTensor.Of(a), DeviceTensor.Of(b), DeviceTensor.Of(c), beta);
            return;
        }

        _kernels.Gemm(_stride, DeviceTensor.Of(a), DeviceTensor.Of(b), DeviceTensor.Of(c), m, n, k, transA ? 1 : 0, transB ? 1 : 0, beta, _stride);
    }

    public void BiasActivation(TensorView x, TensorView bias, int rows, int cols, bool relu) =>
        _kernels.BiasActivation(_stride, DeviceTensor.Of(x), DeviceTensor.Of(bias), rows * cols, cols, relu ? 1 : 0, _stride);

    public void ReluBackward(TensorView grad, TensorView activation) =>
        _kernels.ReluBackward(_stride, DeviceTensor.Of(grad), DeviceTensor.Of(activation), grad.Length, _stride);

    public void BiasGrad(TensorView grad, TensorView biasGrad, int rows, int cols) =>
        _kernels.BiasGrad(_stride, DeviceTensor.Of(grad), DeviceTensor.Of(biasGrad), rows, cols, _stride);

    /// <summary>Per-row losses go to a scratch tensor the size of the batch, are summed there, and one float comes back.</summary>
    public float SoftmaxCrossEntropy(TensorView logits, LabelTensor labels, TensorView grad, int rows, int cols, float scale)
    {
        var losses = RowLosses(rows);
        _kernels.SoftmaxCrossEntropy(_stride, DeviceTensor.Of(logits), ((DeviceLabels)labels).View, DeviceTensor.Of(grad), DeviceTensor.Of(losses), rows, cols, scale, _stride);
        _kernels.SumInto0(1, DeviceTensor.Of(losses), rows, 1);
        Span<float> sum = stackalloc float[1];
        CopyOut(losses.Slice(0, 1), sum);
        return sum[0];
    }

    public void Im2Col3x3(TensorView images, TensorView columns, int count, int side) =>
        _kernels.Im2Col3x3(_stride, DeviceTensor.Of(images), DeviceTensor.Of(columns), count, side, _stride);

    public void SgdMomentum(TensorView w, TensorView g, TensorView velocity, float lr, float momentum) =>
        _kernels.SgdMomentum(_stride, DeviceTensor.Of(w), DeviceTensor.Of(g), DeviceTensor.Of(velocity), lr, momentum, w.Length, _stride);

    public void Adam(TensorView w, TensorView g, TensorView m, TensorView v, float lr, float beta1, float beta2, float epsilon, long t)
    {
        var s = new AdamScalars(lr, beta1, beta2, epsilon, 1f - MathF.Pow(beta1, t), 1f - MathF.Pow(beta2, t));
        _kernels.Adam(_stride, DeviceTensor.Of(w), DeviceTensor.Of(g), DeviceTensor.Of(m), DeviceTensor.Of(v), s, w.Length, _stride);
    }

    private TensorView RowLosses(int rows)
    {
        if (_rowLosses is null || _rowLosses.Length < rows)
        {
            _rowLosses = (DeviceTensor)Allocate(Math.Max(rows, 256));
        }

        return _rowLosses.View(0, Math.Max(1, rows));
    }
}
