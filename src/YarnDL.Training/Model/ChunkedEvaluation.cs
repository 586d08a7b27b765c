using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>The evaluation loop the models share: a whole data set in file order, <see cref="ChunkSize"/> examples per
/// forward pass, scored as logits (batch inference) or as the fraction classified correctly (accuracy).</summary>
internal static class ChunkedEvaluation
{
    /// <summary>Examples per evaluation forward pass (and the least batch a model's buffers are sized for).</summary>
    public const int ChunkSize = 256;

    /// <summary>Writes the logits of every example of <paramref name="data"/> (Count × classes, row-major) to <paramref name="logits"/>.</summary>
    public static void Logits(Dataset data, int classes, Span<float> logits, ForwardChunk forward)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (start, count, chunk) in Chunks(data, forward))
        {
            chunk.AsSpan(0, count * classes).CopyTo(logits[(start * classes)..]);
        }
    }

    /// <summary>Fraction of <paramref name="data"/> whose largest logit is its label.</summary>
    public static double Accuracy(Dataset data, int classes, ForwardChunk forward)
    {
        ArgumentNullException.ThrowIfNull(data);
        var correct = 0;
        foreach (var (start, count, chunk) in Chunks(data, forward))
        {
            for (var i = 0; i < count; i++)
            {
                correct += ArgMax(chunk.AsSpan(i * classes, classes)) == data.Labels[start + i] ? 1 : 0;
            }
        }

        return data.Count == 0 ? 0 : (double)correct / data.Count;
    }

    /// <summary>The index of the largest value; the first one on a tie.</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
        {
            best = row[j] > row[best] ? j : best;
        }

        return best;
    }

    /// <summary>Each chunk's first example, its size and the host logits of its forward pass.</summary>
    private static IEnumerable<(int Start, int Count, float[] Logits)> Chunks(Dataset data, ForwardChunk forward)
    {
        var idx = new int[ChunkSize];
        for (var start = 0; start < data.Count; start += ChunkSize)
        {
            var n = Math.Min(ChunkSize, data.Count - start);
            for (var i = 0; i < n; i++)
            {
                idx[i] = start + i;
            }

            yield return (start, n, forward(data, idx.AsSpan(0, n)));
        }
    }
}
