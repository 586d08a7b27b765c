using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.Training.Session;

internal sealed partial class TrainingSession
{
    private readonly float[] _correctCount = new float[1];
    private Dataset? _testShard;
    private bool _wholeTestSet;

    /// <summary>End-of-epoch test accuracy. Every rank holds the same weights, so in synchronous all-reduce each rank
    /// scores only its contiguous shard of the test set and the correct counts are summed: same value on every rank,
    /// exactly equal to scoring the whole set (integer counts are exact in fp32), at 1/W of the cost.</summary>
    private double EpochAccuracy(IModel model)
    {
        if (_wholeTestSet || sync.WorldSize == 1 || !sync.IsSynchronous || test.Count == 0)
        {
            return model.Accuracy(test);
        }

        if (_testShard is null)
        {
            var lo = (int)((long)test.Count * sync.Rank / sync.WorldSize);
            var hi = (int)((long)test.Count * (sync.Rank + 1) / sync.WorldSize);
            _testShard = test.Select([.. Enumerable.Range(lo, hi - lo)]);
        }

        _correctCount[0] = (float)Math.Round(model.Accuracy(_testShard) * _testShard.Count);
        if (sync.TrySumMetrics(_correctCount))
        {
            return (double)_correctCount[0] / test.Count; // the same double as scoring the whole set
        }

        _wholeTestSet = true;
        return model.Accuracy(test);
    }
}
