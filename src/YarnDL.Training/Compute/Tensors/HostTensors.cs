using YarnDL.Training.Data;

namespace YarnDL.Training.Compute;

/// <summary>The tensor API over span kernels on the host (the managed <see cref="Cpu.CpuBackend"/>): a tensor is a managed
/// array, a mirror is the array itself, so nothing is ever copied and the kernels see exactly the spans they saw
/// before there were tensors.</summary>
internal sealed class HostTensors(IComputeBackend kernels, bool ownsKernels = false) : ITensorBackend
{
    public string Name => kernels.Name;

    public bool IsResident => false;

    public IComputeBackend HostKernels => kernels;

    public long BytesToDevice => 0;

    public long BytesToHost => 0;

    public Tensor Allocate(int length) => new HostTensor(new float[length]);

    public LabelTensor AllocateLabels(int length) => new HostLabels(length);

    public float[] AllocateStaging(int length) => new float[length];

    public Tensor Mirror(float[] host) => new HostTensor(host);

    public void Push(float[] host, int start, int count)
    {
    }

    public void Pull(float[] host, int start, int count)
    {
    }

    public void LoadBatch(Dataset data, ReadOnlySpan<int> batch, TensorView features, LabelTensor labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.FeatureCount;
        var x = S(features);
        var y = ((HostLabels)labels).Data;
        for (var i = 0; i < batch.Length; i++)
        {
            data.Features.AsSpan(batch[i] * d, d).CopyTo(x.Slice(i * d, d));
            y[i] = data.Labels[batch[i]];
        }
    }

    public void Clear(TensorView view) => S(view).Clear();

    public void Gemm(bool transA, bool transB, int m, int n, int k, TensorView a, TensorView b, TensorView c, float beta) =>
        kernels.Gemm(transA, transB, m, n, k, S(a), S(b), S(c), beta);

    public void BiasActivation(TensorView x, TensorView bias, int rows, int cols, bool relu) =>
        kernels.BiasActivation(S(x), S(bias), rows, cols, relu);

    public void ReluBackward(TensorView grad, TensorView activation) => kernels.ReluBackward(S(grad), S(activation));

    public void BiasGrad(TensorView grad, TensorView biasGrad, int rows, int cols) => kernels.BiasGrad(S(grad), S(biasGrad), rows, cols);

    public float SoftmaxCrossEntropy(TensorView logits, LabelTensor labels, TensorView grad, int rows, int cols, float scale) =>
        kernels.SoftmaxCrossEntropy(S(logits), ((HostLabels)labels).Data.AsSpan(0, rows), S(grad), rows, cols, scale);

    public void Im2Col3x3(TensorView images, TensorView columns, int count, int side)
    {
        var img = S(images);
        var cols = S(columns);
        var pixels = side * side;
        for (var b = 0; b < count; b++)
        {
            var image = img.Slice(b * pixels, pixels);
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var col = cols.Slice(((b * pixels) + (y * side) + x) * 9, 9);
                    for (var t = 0; t < 9; t++)
                    {
                        var yy = y + (t / 3) - 1;
                        var xx = x + (t % 3) - 1;
                        col[t] = yy >= 0 && yy < side && xx >= 0 && xx < side ? image[(yy * side) + xx] : 0f;
                    }
                }
            }
        }
    }

    public void SgdMomentum(TensorView w, TensorView g, TensorView velocity, float lr, float momentum) =>
        kernels.SgdMomentum(S(w), S(g), S(velocity), lr, momentum);

    public void Adam(TensorView w, TensorView g, TensorView m, TensorView v, float lr, float beta1, float beta2, float epsilon, long t) =>
        kernels.Adam(S(w), S(g), S(m), S(v), lr, beta1, beta2, epsilon, t);

    public void Dispose()
    {
        if (ownsKernels)
        {
            kernels.Dispose();
        }
    }

    private static Span<float> S(TensorView view) => ((HostTensor)view.Tensor).Data.AsSpan(view.Offset, view.Length);
}
