using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Small CNN for square single-channel images: 3×3 same-padded convolution (as im2col + GEMM) with ReLU,
/// then a ReLU hidden layer and a softmax output. Parameter order: conv W (9×C), conv b, W1, b1, W2, b2.</summary>
internal sealed partial class Cnn : IFactoredModel
{
    private const int K = 9;
    private readonly ITensorBackend _tensors;
    private readonly int _side;
    private readonly int _channels;
    private readonly int _hidden;
    private readonly int _classes;
    private readonly int[] _offsets = new int[6];
    private Workspace? _workspace;

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public Cnn(IComputeBackend backend, int imageSide, int channels, int hidden, int classes, ulong seed)
        : this(new HostTensors(backend), imageSide, channels, hidden, classes, seed)
    {
    }

    public Cnn(ITensorBackend tensors, int imageSide, int channels, int hidden, int classes, ulong seed)
    {
        _tensors = tensors;
        _side = imageSide;
        _channels = channels;
        _hidden = hidden;
        _classes = classes;
        int[] sizes = [K * channels, channels, Flat * hidden, hidden, hidden * classes, classes];
        for (var i = 1; i < sizes.Length; i++)
        {
            _offsets[i] = _offsets[i - 1] + sizes[i - 1];
        }

        Parameters = new float[_offsets[5] + classes];
        var rng = new Rng(seed);
        Init(ref rng, 0, K * channels, K);
        Init(ref rng, 2, Flat * hidden, Flat);
        Init(ref rng, 4, hidden * classes, hidden);
    }

    public float[] Parameters { get; }

    private int Pixels => _side * _side;

    private int Flat => Pixels * _channels;

    public FactoredLayer Factored => new(_offsets[2], Flat, _hidden);

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient) =>
        PulledToHost(ResidentGradient(data, batch, scale, gradient, null), gradient);

    public float LossAndResidentGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient) =>
        ResidentGradient(data, batch, scale, gradient, null);

    public float LossAndFactors(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient, IFactorExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return PulledToHost(ResidentGradient(data, batch, scale, gradient, exchange), gradient);
    }

    /// <summary>Copies the gradient out of its mirror; returns <paramref name="loss"/>.</summary>
    private float PulledToHost(float loss, float[] gradient)
    {
        _tensors.Pull(gradient, 0, Parameters.Length);
        return loss;
    }

    /// <summary>Loss and gradient, the gradient left in the backend's mirror of <paramref name="gradient"/>.</summary>
    private float ResidentGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient, IFactorExchange? exchange)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var n = batch.Length;
        var ws = Forward(data, batch, exchange);
        var g = _tensors.Mirror(gradient);
        var rows = n * Pixels;
        var (conv, dConv, hid, dHid) = (ws.Conv.View(0, n * Flat), ws.DConv.View(0, n * Flat), ws.Hidden.View(0, n * _hidden), ws.DHidden.View(0, n * _hidden));
        var (logits, dLogits) = (ws.Logits.View(0, n * _classes), ws.DLogits.View(0, n * _classes));
        var loss = _tensors.SoftmaxCrossEntropy(logits, ws.Labels, dLogits, n, _classes, scale);
        _tensors.Gemm(true, false, _hidden, _classes, n, hid, dLogits, g.View(_offsets[4], _hidden * _classes), 0f);
        _tensors.BiasGrad(dLogits, g.View(_offsets[5], _classes), n, _classes);
        _tensors.Gemm(false, true, n, _hidden, _classes, dLogits, P(4, _hidden * _classes), dHid, 0f);
        _tensors.ReluBackward(dHid, hid);
        if (exchange is null)
        {
            _tensors.Gemm(true, false, Flat, _hidden, n, conv, dHid, g.View(_offsets[2], Flat * _hidden), 0f);
        }
        else
        {
            _tensors.Pull(ws.ConvHost, 0, n * Flat);
            _tensors.Pull(ws.DHiddenHost, 0, n * _hidden);
            exchange.FactorsReady(new LayerFactors(ws.ConvHost, ws.DHiddenHost, n));
        }

        _tensors.BiasGrad(dHid, g.View(_offsets[3], _hidden), n, _hidden);
        _tensors.Gemm(false, true, n, Flat, _hidden, dHid, P(2, Flat * _hidden), dConv, 0f);
        _tensors.ReluBackward(dConv, conv);
        _tensors.Gemm(true, false, K, _channels, rows, ws.Columns.View(0, rows * K), dConv, g.View(_offsets[0], K * _channels), 0f);
        _tensors.BiasGrad(dConv, g.View(_offsets[1], _channels), rows, _channels);
        return loss;
    }

    public double Accuracy(Dataset data) => ChunkedEvaluation.Accuracy(data, _classes, ForwardToHost);

    public void PushParameters() => _tensors.Push(Parameters, 0, Parameters.Length);

    public void PullParameters() => _tensors.Pull(Parameters, 0, Parameters.Length);

    private TensorView P(int block, int length) => _tensors.Mirror(Parameters).View(_offsets[block], length);

    private void Init(ref Rng rng, int block, int length, int fanIn)
    {
        var std = Math.Sqrt(2.0 / fanIn);
        var w = Parameters.AsSpan(_offsets[block], length);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)(std * rng.NextGaussian());
        }
    }

    private Workspace Forward(Dataset data, ReadOnlySpan<int> batch, IFactorExchange? exchange = null)
    {
        var n = batch.Length;
        if (_workspace is null || _workspace.Capacity < n)
        {
            _workspace = new Workspace(_tensors, Math.Max(n, ChunkedEvaluation.ChunkSize), Pixels, Flat, _hidden, _classes);
        }

        var ws = _workspace;
        _tensors.LoadBatch(data, batch, ws.Images.View(0, n * Pixels), ws.Labels);
        _tensors.Im2Col3x3(ws.Images.View(0, n * Pixels), ws.Columns.View(0, n * Pixels * K), n, _side);
        var rows = n * Pixels;
        var (conv, hid, logits) = (ws.Conv.View(0, n * Flat), ws.Hidden.View(0, n * _hidden), ws.Logits.View(0, n * _classes));
        _tensors.Gemm(false, false, rows, _channels, K, ws.Columns.View(0, rows * K), P(0, K * _channels), conv, 0f);
        _tensors.BiasActivation(conv, P(1, _channels), rows, _channels, true);
        exchange?.WeightsNeeded();
        _tensors.Gemm(false, false, n, _hidden, Flat, conv, P(2, Flat * _hidden), hid, 0f);
        _tensors.BiasActivation(hid, P(3, _hidden), n, _hidden, true);
        _tensors.Gemm(false, false, n, _classes, _hidden, hid, P(4, _hidden * _classes), logits, 0f);
        _tensors.BiasActivation(logits, P(5, _classes), n, _classes, false);
        return ws;
    }

    /// <summary>Forward pass; the logits of the <paramref name="batch"/> rows then in the workspace's host logits.</summary>
    private float[] ForwardToHost(Dataset data, ReadOnlySpan<int> batch)
    {
        var ws = Forward(data, batch);
        _tensors.Pull(ws.LogitsHost, 0, batch.Length * _classes);
        return ws.LogitsHost;
    }
}
