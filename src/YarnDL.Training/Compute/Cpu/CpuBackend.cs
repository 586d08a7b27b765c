namespace YarnDL.Training.Compute.Cpu;

/// <summary>Managed SIMD backend: packed Vector256/FMA GEMM on <see cref="Threads"/> threads, scalar elementwise kernels.</summary>
public sealed class CpuBackend(int threads) : IComputeBackend
{
    /// <summary>Compute threads used by GEMM.</summary>
    public int Threads { get; } = Math.Max(1, threads);

    public string Name => PackedGemm.IsAccelerated ? $"cpu-avx2-fma x{Threads}" : $"cpu-scalar x{Threads}";

    public void Gemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta) =>
        PackedGemm.Multiply(transA, transB, m, n, k, a, b, c, beta, Threads);

    public void BiasActivation(Span<float> x, ReadOnlySpan<float> bias, int rows, int cols, bool relu)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            for (var j = 0; j < cols; j++)
            {
                var v = row[j] + bias[j];
                row[j] = relu && v < 0f ? 0f : v;
            }
        }
    }

    public void ReluBackward(Span<float> grad, ReadOnlySpan<float> activation)
    {
        for (var i = 0; i < grad.Length; i++)
        {
            if (activation[i] <= 0f)
            {
                grad[i] = 0f;
            }
        }
    }

    public void BiasGrad(ReadOnlySpan<float> grad, Span<float> biasGrad, int rows, int cols)
    {
        biasGrad[..cols].Clear();
        for (var r = 0; r < rows; r++)
        {
            var row = grad.Slice(r * cols, cols);
            for (var j = 0; j < cols; j++)
            {
                biasGrad[j] += row[j];
            }
        }
    }

    public float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> grad, int rows, int cols, float scale)
    {
        double loss = 0;
        for (var r = 0; r < rows; r++)
        {
            var z = logits.Slice(r * cols, cols);
            var g = grad.Slice(r * cols, cols);
            var max = float.NegativeInfinity;
            foreach (var v in z)
            {
                max = MathF.Max(max, v);
            }

            var sum = 0f;
            for (var j = 0; j < cols; j++)
            {
                g[j] = MathF.Exp(z[j] - max);
                sum += g[j];
            }

            loss += Math.Log(sum) + max - z[labels[r]];
            for (var j = 0; j < cols; j++)
            {
                g[j] = ((g[j] / sum) - (j == labels[r] ? 1f : 0f)) * scale;
            }
        }

        return (float)loss;
    }

    public void SgdMomentum(Span<float> w, ReadOnlySpan<float> g, Span<float> velocity, float lr, float momentum)
    {
        for (var i = 0; i < w.Length; i++)
        {
            velocity[i] = (momentum * velocity[i]) + g[i];
            w[i] -= lr * velocity[i];
        }
    }

    public void Adam(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lr, float beta1, float beta2, float epsilon, long t)
    {
        var c1 = 1f - MathF.Pow(beta1, t);
        var c2 = 1f - MathF.Pow(beta2, t);
        for (var i = 0; i < w.Length; i++)
        {
            m[i] = (beta1 * m[i]) + ((1f - beta1) * g[i]);
            v[i] = (beta2 * v[i]) + ((1f - beta2) * g[i] * g[i]);
            w[i] -= lr * (m[i] / c1) / (MathF.Sqrt(v[i] / c2) + epsilon);
        }
    }

    public void Dispose()
    {
    }
}
