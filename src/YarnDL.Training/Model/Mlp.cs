using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Fully connected ReLU network ending in softmax cross-entropy. Layer l holds W (in×out) then b (out).
/// It runs on an <see cref="ITensorBackend"/>: on the host backend every tensor is a managed array (the weights are
/// <see cref="Parameters"/> itself); on a device backend weights and activations stay in accelerator memory.</summary>
internal sealed partial class Mlp : IModel
{
    private readonly ITensorBackend _tensors;
    private readonly int[] _sizes;
    private readonly int[] _offsets;
    private Tensor[] _acts = [];
    private Tensor[] _deltas = [];
    private LabelTensor? _labels;
    private float[] _outputs = [];
    private int _capacity;

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public Mlp(IComputeBackend backend, IReadOnlyList<int> layerSizes, ulong seed)
        : this(new HostTensors(backend), layerSizes, seed)
    {
    }

    public Mlp(ITensorBackend tensors, IReadOnlyList<int> layerSizes, ulong seed)
    {
        _tensors = tensors;
        _sizes = [.. layerSizes];
        _offsets = new int[_sizes.Length];
        var total = 0;
        for (var l = 1; l < _sizes.Length; l++)
        {
            _offsets[l] = total;
            total += (_sizes[l - 1] * _sizes[l]) + _sizes[l];
        }

        Parameters = new float[total];
        var rng = new Rng(seed);
        for (var l = 1; l < _sizes.Length; l++)
        {
            var std = Math.Sqrt(2.0 / _sizes[l - 1]);
            var w = Parameters.AsSpan(_offsets[l], _sizes[l - 1] * _sizes[l]);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = (float)(std * rng.NextGaussian());
            }
        }
    }

    public float[] Parameters { get; }

    private int Depth => _sizes.Length - 1;

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient)
    {
        var loss = LossAndResidentGradient(data, batch, scale, gradient);
        _tensors.Pull(gradient, 0, Parameters.Length);
        return loss;
    }

    public float LossAndResidentGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var n = batch.Length;
        Forward(data, batch);
        var g = _tensors.Mirror(gradient);
        var loss = _tensors.SoftmaxCrossEntropy(Rows(_acts, Depth, n), _labels!, Rows(_deltas, Depth, n), n, _sizes[^1], scale);
        for (var l = Depth; l >= 1; l--)
        {
            var inSize = _sizes[l - 1];
            var outSize = _sizes[l];
            _tensors.Gemm(true, false, inSize, outSize, n, Rows(_acts, l - 1, n), Rows(_deltas, l, n), g.View(_offsets[l], inSize * outSize), 0f);
            _tensors.BiasGrad(Rows(_deltas, l, n), g.View(_offsets[l] + (inSize * outSize), outSize), n, outSize);
            if (l > 1)
            {
                _tensors.Gemm(false, true, n, inSize, outSize, Rows(_deltas, l, n), Weights(l), Rows(_deltas, l - 1, n), 0f);
                _tensors.ReluBackward(Rows(_deltas, l - 1, n), Rows(_acts, l - 1, n));
            }
        }

        return loss;
    }

    public double Accuracy(Dataset data) => ChunkedEvaluation.Accuracy(data, _sizes[^1], ForwardToHost);

    public void PushParameters() => _tensors.Push(Parameters, 0, Parameters.Length);

    public void PullParameters() => _tensors.Pull(Parameters, 0, Parameters.Length);

    private TensorView Weights(int l) => _tensors.Mirror(Parameters).View(_offsets[l], _sizes[l - 1] * _sizes[l]);

    private TensorView Bias(int l) => _tensors.Mirror(Parameters).View(_offsets[l] + (_sizes[l - 1] * _sizes[l]), _sizes[l]);

    /// <summary>The first <paramref name="n"/> rows of layer <paramref name="l"/>'s activations or deltas.</summary>
    private TensorView Rows(Tensor[] buffers, int l, int n) => buffers[l].View(0, n * _sizes[l]);

    /// <summary>Forward pass; the logits of the <paramref name="batch"/> rows then in <see cref="_outputs"/>.</summary>
    private float[] ForwardToHost(Dataset data, ReadOnlySpan<int> batch)
    {
        Forward(data, batch);
        _tensors.Pull(_outputs, 0, batch.Length * _sizes[^1]);
        return _outputs;
    }

    private void Forward(Dataset data, ReadOnlySpan<int> batch)
    {
        var n = batch.Length;
        Ensure(n);
        _tensors.LoadBatch(data, batch, Rows(_acts, 0, n), _labels!);
        for (var l = 1; l <= Depth; l++)
        {
            _tensors.Gemm(false, false, n, _sizes[l], _sizes[l - 1], Rows(_acts, l - 1, n), Weights(l), Rows(_acts, l, n), 0f);
            _tensors.BiasActivation(Rows(_acts, l, n), Bias(l), n, _sizes[l], l < Depth);
        }
    }

    private void Ensure(int n)
    {
        if (n <= _capacity)
        {
            return;
        }

        _capacity = Math.Max(n, ChunkedEvaluation.ChunkSize);
        _outputs = new float[_capacity * _sizes[^1]];
        _acts = [.. _sizes.Select((s, l) => l == Depth ? _tensors.Mirror(_outputs) : _tensors.Allocate(_capacity * s))];
        _deltas = [.. _sizes.Select(s => _tensors.Allocate(_capacity * s))];
        _labels = _tensors.AllocateLabels(_capacity);
    }
}
