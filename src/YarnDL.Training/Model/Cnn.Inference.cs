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

    public void Logits(Dataset data, Span<float> logits)
    {
        ArgumentNullException.ThrowIfNull(data);
        const int chunk = 256;
        var idx = new int[chunk];
        for (var start = 0; start < data.Count; start += chunk)
        {
            var n = Math.Min(chunk, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            ForwardToHost(data, idx.AsSpan(0, n)).AsSpan(0, n * _classes).CopyTo(logits[(start * _classes)..]);
        }
    }
}
