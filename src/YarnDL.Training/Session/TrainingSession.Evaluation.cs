using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.Training.Session;

public sealed partial class TrainingSession
{
    private readonly float[] correctCount = new float[1];
    private Dataset? testShard;
    private bool wholeTestSet;

    /// <summary>End-of-epoch test accuracy. Every rank holds the same weights, so in synchronous all-reduce each rank
    /// scores only its contiguous shard of the test set and the correct counts are summed: same value on every rank,
    /// exactly equal to scoring the whole set (integer counts are exact in fp32), at 1/W of the cost.</summary>
    private double EpochAccuracy(IModel model)
    {
        if (wholeTestSet || sync.WorldSize == 1 || !sync.IsSynchronous || test.Count == 0)
        {
            return model.Accuracy(test);
        }

        if (testShard is null)
        {
            var lo = (int)((long)test.Count * sync.Rank / sync.WorldSize);
            var hi = (int)((long)test.Count * (sync.Rank + 1) / sync.WorldSize);
            testShard = test.Select([.. Enumerable.Range(lo, hi - lo)]);
        }

        correctCount[0] = (float)Math.Round(model.Accuracy(testShard) * testShard.Count);
        if (sync.TrySumMetrics(correctCount))
        {
            return (double)correctCount[0] / test.Count; // the same double as scoring the whole set
        }

        wholeTestSet = true;
        return model.Accuracy(test);
    }
}
