using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

internal sealed partial class Mlp
{
    /// <summary>hidden1 … hiddenN, then output.</summary>
    public IReadOnlyList<LayerSlice> Layers => [.. Enumerable.Range(1, Depth).Select(l =>
        new LayerSlice(l == Depth ? "output" : $"hidden{l}", _offsets[l], (_sizes[l - 1] * _sizes[l]) + _sizes[l]))];

    public void Logits(Dataset data, Span<float> logits)
    {
        ArgumentNullException.ThrowIfNull(data);
        var classes = _sizes[^1];
        var idx = new int[EvalBatch];
        for (var start = 0; start < data.Count; start += EvalBatch)
        {
            var n = Math.Min(EvalBatch, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            ForwardToHost(data, idx.AsSpan(0, n));
            _outputs.AsSpan(0, n * classes).CopyTo(logits[(start * classes)..]);
        }
    }
}
