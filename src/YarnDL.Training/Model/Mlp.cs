using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Fully connected ReLU network ending in softmax cross-entropy. Layer l holds W (in×out) then b (out).
/// It runs on an <see cref="ITensorBackend"/>: on the host backend every tensor is a managed array (the weights are
/// <see cref="Parameters"/> itself); on a device backend weights and activations stay in accelerator memory.</summary>
public sealed partial class Mlp : IModel
{
    private const int EvalBatch = 256;
    private readonly ITensorBackend tensors;
    private readonly int[] sizes;
    private readonly int[] offsets;
    private Tensor[] acts = [];
    private Tensor[] deltas = [];
    private LabelTensor? labels;
    private float[] outputs = [];
    private int capacity;

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public Mlp(IComputeBackend backend, IReadOnlyList<int> layerSizes, ulong seed)
        : this(new HostTensors(backend), layerSizes, seed)
    {
    }

    public Mlp(ITensorBackend tensors, IReadOnlyList<int> layerSizes, ulong seed)
    {
        this.tensors = tensors;
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
            var w = Parameters.AsSpan(offsets[l], sizes[l - 1] * sizes[l]);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = (float)(std * rng.NextGaussian());
            }
        }
    }

    public float[] Parameters { get; }

    private int Depth => sizes.Length - 1;

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var n = batch.Length;
        Forward(data, batch);
        var g = tensors.Mirror(gradient);
        var loss = tensors.SoftmaxCrossEntropy(Rows(acts, Depth, n), labels!, Rows(deltas, Depth, n), n, sizes[^1], scale);
        for (var l = Depth; l >= 1; l--)
        {
            var inSize = sizes[l - 1];
            var outSize = sizes[l];
            tensors.Gemm(true, false, inSize, outSize, n, Rows(acts, l - 1, n), Rows(deltas, l, n), g.View(offsets[l], inSize * outSize), 0f);
            tensors.BiasGrad(Rows(deltas, l, n), g.View(offsets[l] + (inSize * outSize), outSize), n, outSize);
            if (l > 1)
            {
                tensors.Gemm(false, true, n, inSize, outSize, Rows(deltas, l, n), Weights(l), Rows(deltas, l - 1, n), 0f);
                tensors.ReluBackward(Rows(deltas, l - 1, n), Rows(acts, l - 1, n));
            }
        }

        tensors.Pull(gradient, 0, Parameters.Length);
        return loss;
    }

    public double Accuracy(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var correct = 0;
        var idx = new int[EvalBatch];
        var classes = sizes[^1];
        for (var start = 0; start < data.Count; start += EvalBatch)
        {
            var n = Math.Min(EvalBatch, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            ForwardToHost(data, idx.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                var row = outputs.AsSpan(i * classes, classes);
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

    public void PushParameters() => tensors.Push(Parameters, 0, Parameters.Length);

    public void PullParameters() => tensors.Pull(Parameters, 0, Parameters.Length);

    private TensorView Weights(int l) => tensors.Mirror(Parameters).View(offsets[l], sizes[l - 1] * sizes[l]);

    private TensorView Bias(int l) => tensors.Mirror(Parameters).View(offsets[l] + (sizes[l - 1] * sizes[l]), sizes[l]);

    /// <summary>The first <paramref name="n"/> rows of layer <paramref name="l"/>'s activations or deltas.</summary>
    private TensorView Rows(Tensor[] buffers, int l, int n) => buffers[l].View(0, n * sizes[l]);

    /// <summary>Forward pass; the logits of the <paramref name="batch"/> rows then in <see cref="outputs"/>.</summary>
    private void ForwardToHost(Dataset data, ReadOnlySpan<int> batch)
    {
        Forward(data, batch);
        tensors.Pull(outputs, 0, batch.Length * sizes[^1]);
    }

    private void Forward(Dataset data, ReadOnlySpan<int> batch)
    {
        var n = batch.Length;
        Ensure(n);
        tensors.LoadBatch(data, batch, Rows(acts, 0, n), labels!);
        for (var l = 1; l <= Depth; l++)
        {
            tensors.Gemm(false, false, n, sizes[l], sizes[l - 1], Rows(acts, l - 1, n), Weights(l), Rows(acts, l, n), 0f);
            tensors.BiasActivation(Rows(acts, l, n), Bias(l), n, sizes[l], l < Depth);
        }
    }

    private void Ensure(int n)
    {
        if (n <= capacity)
        {
            return;
        }

        capacity = Math.Max(n, EvalBatch);
        outputs = new float[capacity * sizes[^1]];
        acts = [.. sizes.Select((s, l) => l == Depth ? tensors.Mirror(outputs) : tensors.Allocate(capacity * s))];
        deltas = [.. sizes.Select(s => tensors.Allocate(capacity * s))];
        labels = tensors.AllocateLabels(capacity);
    }
}
