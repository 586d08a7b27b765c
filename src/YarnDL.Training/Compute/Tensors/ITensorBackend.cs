using YarnDL.Training.Data;

namespace YarnDL.Training.Compute;

/// <summary>The kernels a model runs, on tensors that live where the backend computes: the managed CPU backend keeps them
/// in the very arrays the rest of the trainer sees (<see cref="Mirror"/>, <see cref="Push"/> and <see cref="Pull"/> cost
/// nothing), a device backend in accelerator memory, where they stay between steps. Host arrays that must cross
/// (weights, gradient, optimizer state) are mirrored: the backend keeps one tensor per array and copies between the two
/// only when asked, and counts every byte that crosses.</summary>
internal interface ITensorBackend : IDisposable
{
    /// <summary>Backend name for logs, e.g. <c>cpu-avx2-fma x2</c> or <c>ilgpu-cuda (NVIDIA H100)</c>.</summary>
    string Name { get; }

    /// <summary>True when tensors live apart from host arrays (accelerator memory): a host array written outside the
    /// backend must be <see cref="Push"/>ed, and one read outside it <see cref="Pull"/>ed first.</summary>
    bool IsResident { get; }

    /// <summary>Span kernels for the host-side arithmetic of parameter syncs that keep weights on the host.</summary>
    IComputeBackend HostKernels { get; }

    /// <summary>Bytes copied host → device so far (zero on the host backend).</summary>
    long BytesToDevice { get; }

    /// <summary>Bytes copied device → host so far (zero on the host backend).</summary>
    long BytesToHost { get; }

    /// <summary>A scratch tensor of <paramref name="length"/> floats (contents unspecified until written).</summary>
    Tensor Allocate(int length);

    /// <summary>A label buffer for up to <paramref name="length"/> examples.</summary>
    LabelTensor AllocateLabels(int length);

    /// <summary>A host array of <paramref name="length"/> floats (zeroed) for data that crosses every step, mirrored like
    /// any other: page-locked on a device backend, so the copies to and from its mirror run straight from and into it
    /// (a <see cref="Push"/> may return before the copy is done: write the pushed range again only after a
    /// <see cref="Pull"/>); an ordinary array on the host backend.</summary>
    float[] AllocateStaging(int length);

    /// <summary>The tensor that mirrors <paramref name="host"/>: the same one for the same array every call; made (and
    /// filled from the array) on the first call.</summary>
    Tensor Mirror(float[] host);

    /// <summary>Copies <paramref name="host"/>[start, start+count) into its mirror.</summary>
    void Push(float[] host, int start, int count);

    /// <summary>Copies the mirror's [start, start+count) back into <paramref name="host"/>.</summary>
    void Pull(float[] host, int start, int count);

    /// <summary>Copies the features of <paramref name="batch"/>'s examples of <paramref name="data"/> (batch.Length ×
    /// FeatureCount, in batch order) into <paramref name="features"/> and their labels into <paramref name="labels"/>.</summary>
    void LoadBatch(Dataset data, ReadOnlySpan<int> batch, TensorView features, LabelTensor labels);

    /// <summary>Sets the view's floats to zero.</summary>
    void Clear(TensorView view);

    /// <summary>C (m×n) = op(A) (m×k) · op(B) (k×n) + beta·C, row-major; op transposes when the flag is set.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, TensorView a, TensorView b, TensorView c, float beta);

    /// <summary>x[r, j] += bias[j], then max(0, x) when <paramref name="relu"/>; in place.</summary>
    void BiasActivation(TensorView x, TensorView bias, int rows, int cols, bool relu);

    /// <summary>grad[i] = 0 where activation[i] ≤ 0, over grad's length.</summary>
    void ReluBackward(TensorView grad, TensorView activation);

    /// <summary>biasGrad[j] = Σ_r grad[r, j].</summary>
    void BiasGrad(TensorView grad, TensorView biasGrad, int rows, int cols);

    /// <summary>Softmax cross-entropy: writes (softmax − onehot)·scale to <paramref name="grad"/>, returns the summed loss.</summary>
    float SoftmaxCrossEntropy(TensorView logits, LabelTensor labels, TensorView grad, int rows, int cols, float scale);

    /// <summary>3×3 same-padded patches of <paramref name="count"/> single-channel side×side images: row
    /// (image·side² + y·side + x) holds the 9 pixels around (y, x), zero outside the image.</summary>
    void Im2Col3x3(TensorView images, TensorView columns, int count, int side);

    /// <summary>SGD with momentum: v = μ·v + g; w −= lr·v.</summary>
    void SgdMomentum(TensorView w, TensorView g, TensorView velocity, float lr, float momentum);

    /// <summary>Adam step <paramref name="t"/> (1-based) with bias correction.</summary>
    void Adam(TensorView w, TensorView g, TensorView m, TensorView v, float lr, float beta1, float beta2, float epsilon, long t);
}
