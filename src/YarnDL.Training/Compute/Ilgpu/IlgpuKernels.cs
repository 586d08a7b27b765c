using ILGPU;
using ILGPU.Algorithms;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Kernel bodies. Every kernel strides over its elements from the logical thread index, so a launch
/// with few threads (ILGPU's CPU accelerator) loops while a launch with many (CUDA) gives one element each.</summary>
internal static class IlgpuKernels
{
    /// <summary>Register tile of <see cref="Tile"/>×<see cref="Tile"/> C elements per logical thread.</summary>
    public const int Tile = 4;

    public static void Gemm(Index1D index, ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int m, int n, int k, int transA, int transB, float beta, int stride)
    {
        var tilesN = (n + Tile - 1) / Tile;
        var tiles = ((m + Tile - 1) / Tile) * tilesN;
        for (var t = index.X; t < tiles; t += stride)
        {
            var i0 = t / tilesN * Tile;
            var j0 = t % tilesN * Tile;
            for (var i = i0; i < i0 + Tile && i < m; i++)
            {
                for (var j = j0; j < j0 + Tile && j < n; j++)
                {
                    var s = 0f;
                    for (var p = 0; p < k; p++)
                    {
                        var av = transA != 0 ? a[(p * m) + i] : a[(i * k) + p];
                        var bv = transB != 0 ? b[(j * k) + p] : b[(p * n) + j];
                        s += av * bv;
                    }

                    var idx = (i * n) + j;
                    c[idx] = (beta == 0f ? 0f : beta * c[idx]) + s;
                }
            }
        }
    }

    public static void BiasActivation(Index1D index, ArrayView<float> x, ArrayView<float> bias, int total, int cols, int relu, int stride)
    {
        for (var i = index.X; i < total; i += stride)
        {
            var v = x[i] + bias[i % cols];
            x[i] = relu != 0 && v < 0f ? 0f : v;
        }
    }

    public static void ReluBackward(Index1D index, ArrayView<float> grad, ArrayView<float> act, int total, int stride)
    {
        for (var i = index.X; i < total; i += stride)
        {
            if (act[i] <= 0f)
            {
                grad[i] = 0f;
            }
        }
    }

    public static void BiasGrad(Index1D index, ArrayView<float> grad, ArrayView<float> biasGrad, int rows, int cols, int stride)
    {
        for (var j = index.X; j < cols; j += stride)
        {
            var s = 0f;
            for (var r = 0; r < rows; r++)
            {
                s += grad[(r * cols) + j];
            }

            biasGrad[j] = s;
        }
    }

    public static void SoftmaxCrossEntropy(Index1D index, ArrayView<float> logits, ArrayView<int> labels, ArrayView<float> grad, ArrayView<float> loss, int rows, int cols, float scale, int stride)
    {
        for (var r = index.X; r < rows; r += stride)
        {
            var o = r * cols;
            var max = logits[o];
            for (var j = 1; j < cols; j++)
            {
                max = XMath.Max(max, logits[o + j]);
            }

            var sum = 0f;
            for (var j = 0; j < cols; j++)
            {
                var e = XMath.Exp(logits[o + j] - max);
                grad[o + j] = e;
                sum += e;
            }

            var label = labels[r];
            loss[r] = XMath.Log(sum) + max - logits[o + label];
            for (var j = 0; j < cols; j++)
            {
                grad[o + j] = ((grad[o + j] / sum) - (j == label ? 1f : 0f)) * scale;
            }
        }
    }

    /// <summary>Sums the <paramref name="count"/> per-row losses into element 0 (one logical thread; rows are few), so a
    /// step reads back one float.</summary>
    public static void SumInto0(Index1D index, ArrayView<float> values, int count, int stride)
    {
        if (index.X != 0)
        {
            return;
        }

        var s = 0f;
        for (var i = 0; i < count; i++)
        {
            s += values[i];
        }

        values[0] = s;
    }

    public static void Im2Col3x3(Index1D index, ArrayView<float> images, ArrayView<float> columns, int count, int side, int stride)
    {
        var pixels = side * side;
        var total = count * pixels * 9;
        for (var i = index.X; i < total; i += stride)
        {
            var t = i % 9;
            var row = i / 9;
            var b = row / pixels;
            var p = row % pixels;
            var yy = (p / side) + (t / 3) - 1;
            var xx = (p % side) + (t % 3) - 1;
            columns[i] = yy >= 0 && yy < side && xx >= 0 && xx < side ? images[(b * pixels) + (yy * side) + xx] : 0f;
        }
    }

    public static void SgdMomentum(Index1D index, ArrayView<float> w, ArrayView<float> g, ArrayView<float> v, float lr, float momentum, int total, int stride)
    {
        for (var i = index.X; i < total; i += stride)
        {
            v[i] = (momentum * v[i]) + g[i];
            w[i] -= lr * v[i];
        }
    }

    public static void Adam(Index1D index, ArrayView<float> w, ArrayView<float> g, ArrayView<float> m, ArrayView<float> v, AdamScalars s, int total, int stride)
    {
        for (var i = index.X; i < total; i += stride)
        {
            m[i] = (s.Beta1 * m[i]) + ((1f - s.Beta1) * g[i]);
            v[i] = (s.Beta2 * v[i]) + ((1f - s.Beta2) * g[i] * g[i]);
            w[i] -= s.LearningRate * (m[i] / s.Correction1) / (XMath.Sqrt(v[i] / s.Correction2) + s.Epsilon);
        }
    }
}
