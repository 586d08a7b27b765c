using System.Globalization;
using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.Training.Inference;

/// <summary>Scores shard <c>rank</c> of <c>world</c> (a contiguous range of examples) with no synchronization and writes
/// <c>predictions-RRRRR.csv</c>: index (row in the data set), label, predicted class, its softmax probability.</summary>
internal static class BatchInference
{
    public const string Header = "index,label,predicted,probability";

    public static string FileName(int rank) => string.Create(CultureInfo.InvariantCulture, $"predictions-{rank:D5}.csv");

    public static (int Lo, int Hi) Shard(int count, int rank, int world) => ((int)((long)count * rank / world), (int)((long)count * (rank + 1) / world));

    /// <returns>The examples scored and the fraction predicted correctly.</returns>
    public static (int Count, double Accuracy, string Path) Run(IModel model, Dataset data, int rank, int world, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var (lo, hi) = Shard(data.Count, rank, world);
        var shard = data.Select([.. Enumerable.Range(lo, hi - lo)]);
        var classes = data.ClassCount;
        var logits = new float[shard.Count * classes];
        model.Logits(shard, logits);
        Directory.CreateDirectory(outputDir);
        var path = System.IO.Path.Combine(outputDir, FileName(rank));
        var temp = path + ".tmp";
        var correct = 0;
        using (var w = new StreamWriter(temp))
        {
            w.WriteLine(Header);
            for (var i = 0; i < shard.Count; i++)
            {
                var (best, p) = Softmax(logits.AsSpan(i * classes, classes));
                correct += best == shard.Labels[i] ? 1 : 0;
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lo + i},{shard.Labels[i]},{best},{p:G6}"));
            }
        }

        File.Move(temp, path, overwrite: true);
        return (shard.Count, shard.Count == 0 ? 0 : (double)correct / shard.Count, path);
    }

    private static (int Best, double Probability) Softmax(ReadOnlySpan<float> row)
    {
        var best = ChunkedEvaluation.ArgMax(row);
        var sum = 0.0;
        foreach (var v in row)
        {
            sum += Math.Exp(v - row[best]);
        }

        return (best, 1 / sum);
    }
}
