using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

internal sealed partial class Mlp
{
    /// <summary>hidden1 … hiddenN, then output.</summary>
    public IReadOnlyList<LayerSlice> Layers => [.. Enumerable.Range(1, Depth).Select(l =>
        new LayerSlice(l == Depth ? "output" : $"hidden{l}", _offsets[l], (_sizes[l - 1] * _sizes[l]) + _sizes[l]))];

    public void Logits(Dataset data, Span<float> logits) => ChunkedEvaluation.Logits(data, _sizes[^1], logits, ForwardToHost);
}
