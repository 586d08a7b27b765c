using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

public sealed partial class Cnn
{
    /// <summary>conv, hidden, output.</summary>
    public IReadOnlyList<LayerSlice> Layers =>
    [
        new("conv", offsets[0], offsets[2] - offsets[0]),
        new("hidden", offsets[2], offsets[4] - offsets[2]),
        new("output", offsets[4], Parameters.Length - offsets[4]),
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

            ForwardToHost(data, idx.AsSpan(0, n)).AsSpan(0, n * classes).CopyTo(logits[(start * classes)..]);
        }
    }
}
