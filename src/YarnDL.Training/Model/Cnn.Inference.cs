using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

internal sealed partial class Cnn
{
    /// <summary>conv, hidden, output.</summary>
    public IReadOnlyList<LayerSlice> Layers =>
    [
        new("conv", _offsets[0], _offsets[2] - _offsets[0]),
        new("hidden", _offsets[2], _offsets[4] - _offsets[2]),
        new("output", _offsets[4], Parameters.Length - _offsets[4]),
    ];

    public void Logits(Dataset data, Span<float> logits) => ChunkedEvaluation.Logits(data, _classes, logits, ForwardToHost);
}
