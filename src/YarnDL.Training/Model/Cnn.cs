using YarnDL.Training.Compute;
using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>Small CNN for square single-channel images: 3×3 same-padded convolution (as im2col + GEMM) with ReLU,
/// then a ReLU hidden layer and a softmax output. Parameter order: conv W (9×C), conv b, W1, b1, W2, b2.</summary>
public sealed partial class Cnn : IFactoredModel
{
    private const int K = 9;
    private readonly IComputeBackend backend;
    private readonly int side;
    private readonly int channels;
    private readonly int hidden;
    private readonly int classes;
    private readonly int[] offsets = new int[6];
    private Workspace ws = new(0, 0, 0, 0, 0);

    public Cnn(IComputeBackend backend, int imageSide, int channels, int hidden, int classes, ulong seed)
    {
        this.backend = backend;
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

    public float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient) =>
        LossAndGradient(data, batch, scale, gradient, null);

    public float LossAndFactors(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient, IFactorExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return LossAndGradient(data, batch, scale, gradient, exchange);
    }

    private float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient, IFactorExchange? exchange)
    {
        var n = batch.Length;
        Forward(data, batch, exchange);
        var loss = backend.SoftmaxCrossEntropy(ws.Logits, ws.Labels, ws.DLogits, n, classes, scale);
        backend.Gemm(true, false, hidden, classes, n, ws.Hidden, ws.DLogits, gradient.Slice(offsets[4], hidden * classes), 0f);
        backend.BiasGrad(ws.DLogits, gradient.Slice(offsets[5], classes), n, classes);
        backend.Gemm(false, true, n, hidden, classes, ws.DLogits, P(4, hidden * classes), ws.DHidden, 0f);
        backend.ReluBackward(ws.DHidden.AsSpan(0, n * hidden), ws.Hidden);
        if (exchange is null)
        {
            backend.Gemm(true, false, Flat, hidden, n, ws.Conv, ws.DHidden, gradient.Slice(offsets[2], Flat * hidden), 0f);
        }
        else
        {
            exchange.FactorsReady(new LayerFactors(ws.Conv, ws.DHidden, n));
        }

        backend.BiasGrad(ws.DHidden, gradient.Slice(offsets[3], hidden), n, hidden);
        backend.Gemm(false, true, n, Flat, hidden, ws.DHidden, P(2, Flat * hidden), ws.DConv, 0f);
        backend.ReluBackward(ws.DConv.AsSpan(0, n * Flat), ws.Conv);
        var rows = n * Pixels;
        backend.Gemm(true, false, K, channels, rows, ws.Columns, ws.DConv, gradient.Slice(offsets[0], K * channels), 0f);
        backend.BiasGrad(ws.DConv, gradient.Slice(offsets[1], channels), rows, channels);
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

            Forward(data, idx.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                var row = ws.Logits.AsSpan(i * classes, classes);
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

    private Span<float> P(int block, int length) => Parameters.AsSpan(offsets[block], length);

    private void Init(ref Rng rng, int block, int length, int fanIn)
    {
        var std = Math.Sqrt(2.0 / fanIn);
        var w = P(block, length);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)(std * rng.NextGaussian());
        }
    }

    private void Forward(Dataset data, ReadOnlySpan<int> batch, IFactorExchange? exchange = null)
    {
        var n = batch.Length;
        if (ws.Capacity < n)
        {
            ws = new Workspace(Math.Max(n, 256), Pixels, Flat, hidden, classes);
        }

        Im2Col(data, batch);
        var rows = n * Pixels;
        backend.Gemm(false, false, rows, channels, K, ws.Columns, P(0, K * channels), ws.Conv, 0f);
        backend.BiasActivation(ws.Conv, P(1, channels), rows, channels, true);
        exchange?.WeightsNeeded();
        backend.Gemm(false, false, n, hidden, Flat, ws.Conv, P(2, Flat * hidden), ws.Hidden, 0f);
        backend.BiasActivation(ws.Hidden, P(3, hidden), n, hidden, true);
        backend.Gemm(false, false, n, classes, hidden, ws.Hidden, P(4, hidden * classes), ws.Logits, 0f);
        backend.BiasActivation(ws.Logits, P(5, classes), n, classes, false);
    }

    private void Im2Col(Dataset data, ReadOnlySpan<int> batch)
    {
        for (var b = 0; b < batch.Length; b++)
        {
            ws.Labels[b] = data.Labels[batch[b]];
            var img = data.Features.AsSpan(batch[b] * Pixels, Pixels);
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var col = ws.Columns.AsSpan(((b * Pixels) + (y * side) + x) * K, K);
                    for (var t = 0; t < K; t++)
                    {
                        var yy = y + (t / 3) - 1;
                        var xx = x + (t % 3) - 1;
                        col[t] = yy >= 0 && yy < side && xx >= 0 && xx < side ? img[(yy * side) + xx] : 0f;
                    }
                }
            }
        }
    }
}
