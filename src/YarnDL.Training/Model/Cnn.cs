using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Small CNN for square single-channel images: 3×3 same-padded convolution (as im2col + GEMM) with ReLU,
/// then a ReLU hidden layer and a softmax output. Parameter order: conv W (9×C), conv b, W1, b1, W2, b2.</summary>
public sealed partial class Cnn : IFactoredModel
{
    private const int K = 9;
    private readonly ITensorBackend tensors;
    private readonly int side;
    private readonly int channels;
    private readonly int hidden;
    private readonly int classes;
    private readonly int[] offsets = new int[6];
    private Workspace? workspace;

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public Cnn(IComputeBackend backend, int imageSide, int channels, int hidden, int classes, ulong seed)
        : this(new HostTensors(backend), imageSide, channels, hidden, classes, seed)
    {
    }

    public Cnn(ITensorBackend tensors, int imageSide, int channels, int hidden, int classes, ulong seed)
    {
        this.tensors = tensors;
        side = imageSide;
        this.channels = channels;
        this.hidden = hidden;
        this.classes = classes;
        int[] sizes = [K * channels, channels, Flat * hidden, hidden, hidden * classes, classes];
        for (var i = 1; i < sizes.Length; i++)
        {
            offsets[i] = offsets[i - 1] + sizes[i - 1];
        }

        Parameters = new float[offsets[5] + classes];
        var rng = new Rng(seed);
        Init(ref rng, 0, K * channels, K);
        Init(ref rng, 2, Flat * hidden, Flat);
        Init(ref rng, 4, hidden * classes, hidden);
    }

    public float[] Parameters { get; }

    private int Pixels => side * side;

    private int Flat => Pixels * channels;

    public FactoredLayer Factored => new(offsets[2], Flat, hidden);

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient) =>
        LossAndGradient(data, batch, scale, gradient, null);

    public float LossAndFactors(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient, IFactorExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return LossAndGradient(data, batch, scale, gradient, exchange);
    }

    private float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient, IFactorExchange? exchange)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var n = batch.Length;
        var ws = Forward(data, batch, exchange);
        var g = tensors.Mirror(gradient);
        var rows = n * Pixels;
        var (conv, dConv, hid, dHid) = (ws.Conv.View(0, n * Flat), ws.DConv.View(0, n * Flat), ws.Hidden.View(0, n * hidden), ws.DHidden.View(0, n * hidden));
        var (logits, dLogits) = (ws.Logits.View(0, n * classes), ws.DLogits.View(0, n * classes));
        var loss = tensors.SoftmaxCrossEntropy(logits, ws.Labels, dLogits, n, classes, scale);
        tensors.Gemm(true, false, hidden, classes, n, hid, dLogits, g.View(offsets[4], hidden * classes), 0f);
        tensors.BiasGrad(dLogits, g.View(offsets[5], classes), n, classes);
        tensors.Gemm(false, true, n, hidden, classes, dLogits, P(4, hidden * classes), dHid, 0f);
        tensors.ReluBackward(dHid, hid);
        if (exchange is null)
        {
            tensors.Gemm(true, false, Flat, hidden, n, conv, dHid, g.View(offsets[2], Flat * hidden), 0f);
        }
        else
        {
            tensors.Pull(ws.ConvHost, 0, n * Flat);
            tensors.Pull(ws.DHiddenHost, 0, n * hidden);
            exchange.FactorsReady(new LayerFactors(ws.ConvHost, ws.DHiddenHost, n));
        }

        tensors.BiasGrad(dHid, g.View(offsets[3], hidden), n, hidden);
        tensors.Gemm(false, true, n, Flat, hidden, dHid, P(2, Flat * hidden), dConv, 0f);
        tensors.ReluBackward(dConv, conv);
        tensors.Gemm(true, false, K, channels, rows, ws.Columns.View(0, rows * K), dConv, g.View(offsets[0], K * channels), 0f);
        tensors.BiasGrad(dConv, g.View(offsets[1], channels), rows, channels);
        tensors.Pull(gradient, 0, Parameters.Length);
        return loss;
    }

    public double Accuracy(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var correct = 0;
        const int chunk = 256;
        var idx = new int[chunk];
        for (var start = 0; start < data.Count; start += chunk)
        {
            var n = Math.Min(chunk, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            var logits = ForwardToHost(data, idx.AsSpan(0, n));
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

    public void PushParameters() => tensors.Push(Parameters, 0, Parameters.Length);

    public void PullParameters() => tensors.Pull(Parameters, 0, Parameters.Length);

    private TensorView P(int block, int length) => tensors.Mirror(Parameters).View(offsets[block], length);

    private void Init(ref Rng rng, int block, int length, int fanIn)
    {
        var std = Math.Sqrt(2.0 / fanIn);
        var w = Parameters.AsSpan(offsets[block], length);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)(std * rng.NextGaussian());
        }
    }

    private Workspace Forward(Dataset data, ReadOnlySpan<int> batch, IFactorExchange? exchange = null)
    {
        var n = batch.Length;
        if (workspace is null || workspace.Capacity < n)
        {
            workspace = new Workspace(tensors, Math.Max(n, 256), Pixels, Flat, hidden, classes);
        }

        var ws = workspace;
        tensors.LoadBatch(data, batch, ws.Images.View(0, n * Pixels), ws.Labels);
        tensors.Im2Col3x3(ws.Images.View(0, n * Pixels), ws.Columns.View(0, n * Pixels * K), n, side);
        var rows = n * Pixels;
        var (conv, hid, logits) = (ws.Conv.View(0, n * Flat), ws.Hidden.View(0, n * hidden), ws.Logits.View(0, n * classes));
        tensors.Gemm(false, false, rows, channels, K, ws.Columns.View(0, rows * K), P(0, K * channels), conv, 0f);
        tensors.BiasActivation(conv, P(1, channels), rows, channels, true);
        exchange?.WeightsNeeded();
        tensors.Gemm(false, false, n, hidden, Flat, conv, P(2, Flat * hidden), hid, 0f);
        tensors.BiasActivation(hid, P(3, hidden), n, hidden, true);
        tensors.Gemm(false, false, n, classes, hidden, hid, P(4, hidden * classes), logits, 0f);
        tensors.BiasActivation(logits, P(5, classes), n, classes, false);
        return ws;
    }

    /// <summary>Forward pass; the logits of the <paramref name="batch"/> rows then in the workspace's host logits.</summary>
    private float[] ForwardToHost(Dataset data, ReadOnlySpan<int> batch)
    {
        var ws = Forward(data, batch);
        tensors.Pull(ws.LogitsHost, 0, batch.Length * classes);
        return ws.LogitsHost;
    }
}
