namespace YarnDL.Training.Compute;

/// <summary>The numeric kernels a model needs. Matrices are dense, row-major, fp32.</summary>
internal interface IComputeBackend : IDisposable
{
    /// <summary>Backend name for logs, e.g. <c>cpu-avx2</c> or <c>ilgpu-cuda</c>.</summary>
    string Name { get; }

    /// <summary>C (m×n) = op(A) (m×k) · op(B) (k×n) + beta·C; op transposes when the flag is set.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta);

    /// <summary>x[r, j] += bias[j], then max(0, x) when <paramref name="relu"/>; in place.</summary>
    void BiasActivation(Span<float> x, ReadOnlySpan<float> bias, int rows, int cols, bool relu);

    /// <summary>grad[i] = 0 where activation[i] ≤ 0 (backward of ReLU applied to its output).</summary>
    void ReluBackward(Span<float> grad, ReadOnlySpan<float> activation);

    /// <summary>biasGrad[j] = Σ_r grad[r, j].</summary>
    void BiasGrad(ReadOnlySpan<float> grad, Span<float> biasGrad, int rows, int cols);

    /// <summary>Softmax cross-entropy: writes (softmax − onehot)·scale to <paramref name="grad"/>, returns the summed loss.</summary>
    float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> grad, int rows, int cols, float scale);

    /// <summary>SGD with momentum: v = μ·v + g; w −= lr·v.</summary>
    void SgdMomentum(Span<float> w, ReadOnlySpan<float> g, Span<float> velocity, float lr, float momentum);

    /// <summary>Adam step <paramref name="t"/> (1-based) with bias correction.</summary>
    void Adam(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lr, float beta1, float beta2, float epsilon, long t);
}
