using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Fully connected ReLU network ending in softmax cross-entropy. Layer l holds W (in×out) then b (out).</summary>
public sealed partial class Mlp : IModel
{
    private const int EvalBatch = 256;
    private readonly IComputeBackend backend;
    private readonly int[] sizes;
    private readonly int[] offsets;
    private float[][] acts = [];
    private float[][] deltas = [];
    private int[] labels = [];
    private int capacity;

    public Mlp(IComputeBackend backend, IReadOnlyList<int> layerSizes, ulong seed)
    {
        this.backend = backend;
        sizes = [.. layerSizes];
        offsets = new int[sizes.Length];
        var total = 0;
        for (var l = 1; l < sizes.Length; l++)
        {
            offsets[l] = total;
            total += (sizes[l - 1] * sizes[l]) + sizes[l];
        }

        Parameters = new float[total];
        var rng = new Rng(seed);
        for (var l = 1; l < sizes.Length; l++)
        {
            var std = Math.Sqrt(2.0 / sizes[l - 1]);
            var w = Weights(l);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = (float)(std * rng.NextGaussian());
            }
        }
    }

    public float[] Parameters { get; }

    private int Depth => sizes.Length - 1;

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient)
    {
        var n = batch.Length;
        Forward(data, batch);
        var logits = acts[Depth];
        var loss = backend.SoftmaxCrossEntropy(logits, labels, deltas[Depth], n, sizes[^1], scale);
        for (var l = Depth; l >= 1; l--)
        {
            var inSize = sizes[l - 1];
            var outSize = sizes[l];
            var gw = gradient.Slice(offsets[l], inSize * outSize);
            var gb = gradient.Slice(offsets[l] + (inSize * outSize), outSize);
            backend.Gemm(true, false, inSize, outSize, n, acts[l - 1], deltas[l], gw, 0f);
            backend.BiasGrad(deltas[l], gb, n, outSize);
            if (l > 1)
            {
                backend.Gemm(false, true, n, inSize, outSize, deltas[l], Weights(l), deltas[l - 1], 0f);
                backend.ReluBackward(deltas[l - 1].AsSpan(0, n * inSize), acts[l - 1]);
            }
        }

        return loss;
    }

    public double Accuracy(Dataset data)
    {
        var correct = 0;
        var idx = new int[EvalBatch];
        for (var start = 0; start < data.Count; start += EvalBatch)
        {
            var n = Math.Min(EvalBatch, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            Forward(data, idx.AsSpan(0, n));
            var classes = sizes[^1];
            var logits = acts[Depth];
            for (var i = 0; i < n; i++)
            {
                var row = logits.AsSpan(i * classes, classes);
                var best = 0;
                for (var j = 1; j < classes; j++)
                {
                    best = row[j] > row[best] ? j : best;
                }

                correct += best == data.Labels[start + i] ? 1 : 0;
            }
        }

        return data.Count == 0 ? 0 : (double)correct / data.Count;
    }

    private Span<float> Weights(int l) => Parameters.AsSpan(offsets[l], sizes[l - 1] * sizes[l]);

    private Span<float> Bias(int l) => Parameters.AsSpan(offsets[l] + (sizes[l - 1] * sizes[l]), sizes[l]);

    private void Forward(Dataset data, ReadOnlySpan<int> batch)
    {
        var n = batch.Length;
        Ensure(n);
        var d = data.FeatureCount;
        for (var i = 0; i < n; i++)
        {
            data.Features.AsSpan(batch[i] * d, d).CopyTo(acts[0].AsSpan(i * d, d));
            labels[i] = data.Labels[batch[i]];
        }

        for (var l = 1; l <= Depth; l++)
        {
            backend.Gemm(false, false, n, sizes[l], sizes[l - 1], acts[l - 1], Weights(l), acts[l], 0f);
            backend.BiasActivation(acts[l], Bias(l), n, sizes[l], l < Depth);
        }
    }

    private void Ensure(int n)
    {
        if (n <= capacity)
        {
            return;
        }

        capacity = Math.Max(n, EvalBatch);
        acts = [.. sizes.Select(s => new float[capacity * s])];
        deltas = [.. sizes.Select(s => new float[capacity * s])];
        labels = new int[capacity];
    }
}
