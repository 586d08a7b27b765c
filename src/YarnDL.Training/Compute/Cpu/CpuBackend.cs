using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace YarnDL.Training.Compute.Cpu;

/// <summary>Managed SIMD backend: packed Vector512 (AVX-512) or Vector256/FMA GEMM on <see cref="Threads"/> threads; Vector256 elementwise kernels
/// that perform the scalar formulas' operations in the same order, so results do not depend on the vector width.</summary>
internal sealed class CpuBackend(int threads) : IComputeBackend
{
    /// <summary>Compute threads used by GEMM.</summary>
    public int Threads { get; } = Math.Max(1, threads);

    public string Name => PackedGemm.VectorBits switch
    {
        512 => $"cpu-avx512 x{Threads}",
        256 => $"cpu-avx2-fma x{Threads}",
        _ => $"cpu-scalar x{Threads}",
    };

    public void Gemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta) =>
        PackedGemm.Multiply(transA, transB, m, n, k, a, b, c, beta, Threads);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BiasActivation(Span<float> x, ReadOnlySpan<float> bias, int rows, int cols, bool relu)
    {
        var w = Vector256<float>.Count;
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            var j = 0;
            for (; j <= cols - w; j += w)
            {
                var v = Vector256.Create(row[j..]) + Vector256.Create(bias[j..]);
                (relu ? Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<float>.Zero), Vector256<float>.Zero, v) : v).CopyTo(row[j..]);
            }

            for (; j < cols; j++)
            {
                var v = row[j] + bias[j];
                row[j] = relu && v < 0f ? 0f : v;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReluBackward(Span<float> grad, ReadOnlySpan<float> activation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activation.Length, grad.Length, nameof(activation));
        var w = Vector256<float>.Count;
        var i = 0;
        for (; i <= grad.Length - w; i += w)
        {
            var dead = Vector256.LessThanOrEqual(Vector256.Create(activation[i..]), Vector256<float>.Zero);
            Vector256.ConditionalSelect(dead, Vector256<float>.Zero, Vector256.Create(grad[i..])).CopyTo(grad[i..]);
        }

        for (; i < grad.Length; i++)
        {
            if (activation[i] <= 0f)
            {
                grad[i] = 0f;
            }
        }
    }

    /// <summary>Column sums, rows added in order (as the scalar loop would), eight columns at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BiasGrad(ReadOnlySpan<float> grad, Span<float> biasGrad, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grad.Length, rows * cols, nameof(grad));
        var w = Vector256<float>.Count;
        var j = 0;
        for (; j <= cols - w; j += w)
        {
            var sum = Vector256<float>.Zero;
            for (var r = 0; r < rows; r++)
            {
                sum += Vector256.Create(grad.Slice((r * cols) + j, w));
            }

            sum.CopyTo(biasGrad[j..]);
        }

        for (; j < cols; j++)
        {
            var sum = 0f;
            for (var r = 0; r < rows; r++)
            {
                sum += grad[(r * cols) + j];
            }

            biasGrad[j] = sum;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SgdMomentum(Span<float> w, ReadOnlySpan<float> g, Span<float> velocity, float lr, float momentum)
    {
        CheckLengths(w.Length, g.Length, velocity.Length, velocity.Length);
        var width = Vector256<float>.Count;
        var mu = Vector256.Create(momentum);
        var rate = Vector256.Create(lr);
        var i = 0;
        for (; i <= w.Length - width; i += width)
        {
            var v = (mu * Vector256.Create(velocity[i..])) + Vector256.Create(g[i..]);
            v.CopyTo(velocity[i..]);
            (Vector256.Create(w[i..]) - (rate * v)).CopyTo(w[i..]);
        }

        for (; i < w.Length; i++)
        {
            velocity[i] = (momentum * velocity[i]) + g[i];
            w[i] -= lr * velocity[i];
        }
    }

    /// <summary>Eight weights at a time with the scalar loop's operations in the scalar loop's order (no fused
    /// multiply-add), so the result is bit-identical to it and to the GPU kernel's formula.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Adam(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lr, float beta1, float beta2, float epsilon, long t)
    {
        CheckLengths(w.Length, g.Length, m.Length, v.Length);
        var c1 = 1f - MathF.Pow(beta1, t);
        var c2 = 1f - MathF.Pow(beta2, t);
        var width = Vector256<float>.Count;
        var (b1, b2, nb1, nb2) = (Vector256.Create(beta1), Vector256.Create(beta2), Vector256.Create(1f - beta1), Vector256.Create(1f - beta2));
        var (vc1, vc2, rate, eps) = (Vector256.Create(c1), Vector256.Create(c2), Vector256.Create(lr), Vector256.Create(epsilon));
        var i = 0;
        for (; i <= w.Length - width; i += width)
        {
            var gi = Vector256.Create(g[i..]);
            var mi = (b1 * Vector256.Create(m[i..])) + (nb1 * gi);
            var vi = (b2 * Vector256.Create(v[i..])) + (nb2 * gi * gi);
            mi.CopyTo(m[i..]);
            vi.CopyTo(v[i..]);
            (Vector256.Create(w[i..]) - (rate * (mi / vc1) / (Vector256.Sqrt(vi / vc2) + eps))).CopyTo(w[i..]);
        }

        for (; i < w.Length; i++)
        {
            m[i] = (beta1 * m[i]) + ((1f - beta1) * g[i]);
            v[i] = (beta2 * v[i]) + ((1f - beta2) * g[i] * g[i]);
            w[i] -= lr * (m[i] / c1) / (MathF.Sqrt(v[i] / c2) + epsilon);
        }
    }

    private static void CheckLengths(int w, int g, int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(g, w, nameof(g));
        ArgumentOutOfRangeException.ThrowIfLessThan(first, w, nameof(first));
        ArgumentOutOfRangeException.ThrowIfLessThan(second, w, nameof(second));
    }

    public void Dispose()
    {
    }
}
