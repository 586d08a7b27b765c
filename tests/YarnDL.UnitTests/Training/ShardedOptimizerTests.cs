using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Model;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

/// <summary>Two all-reduce ranks shard the optimizer step (each updates half the weights and swaps the halves back);
/// weights, checkpoints and resumes must be bit-identical to every rank doing the whole step.</summary>
public sealed class ShardedOptimizerTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-sharded-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("cnn", nameof(OptimizerKind.Adam))]
    [InlineData("mlp", nameof(OptimizerKind.Sgd))]
    public async Task ShardedStep_GivesTheSameWeightsAndCheckpointAsTheWholeStep(string model, string optimizerName)
    {
        var optimizer = Enum.Parse<OptimizerKind>(optimizerName);
        var options = new TrainerOptions { Model = model, Optimizer = optimizer, Epochs = 2, CheckpointEverySteps = 7 };
        var whole = await TrainAsync(options, shard: false, Path.Combine(dir, "whole"));
        var sharded = await TrainAsync(options, shard: true, Path.Combine(dir, "sharded"));

        Assert.All(whole, r => Assert.False(r.Sharded));
        Assert.All(sharded, r => Assert.True(r.Sharded));
        Assert.Equal(whole[0].Weights, sharded[0].Weights);
        Assert.Equal(sharded[0].Weights, sharded[1].Weights);
        Assert.Equal(whole[0].Result.Loss, sharded[0].Result.Loss);
        CheckpointAssert.SameState(Path.Combine(dir, "whole"), Path.Combine(dir, "sharded"));
    }

    [Fact]
    public void ApplyRange_OnTwoHalves_EqualsOneWholeStep()
    {
        using var cpu = new CpuBackend(1);
        var w = CpuKernelTests.Random(1001, 81);
        var g = CpuKernelTests.Random(1001, 82);
        var whole = new Optimizer(OptimizerKind.Adam, w.Length, 0.01f, 0.9f);
        var halves = new Optimizer(OptimizerKind.Adam, w.Length, 0.01f, 0.9f);
        float[] w1 = [.. w], w2 = [.. w];
        whole.Apply(cpu, w1, g);
        halves.ApplyRange(cpu, w2, g, 0, 500);
        halves.Steps--; // the other rank's half of the same step
        halves.ApplyRange(cpu, w2, g, 500, 501);
        Assert.Equal(w1, w2);
        Assert.Equal(whole.First, halves.First);
        Assert.Equal(whole.Second, halves.Second);
        Assert.Equal(whole.Steps, halves.Steps);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(TrainingResult Result, float[] Weights, bool Sharded)[]> TrainAsync(TrainerOptions options, bool shard, string checkpointDir)
    {
        var (train, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, options.Seed);
        var ranks = await LoopbackRing.CreateAsync(2);
        var store = new CheckpointStore(checkpointDir);
        try
        {
            return LoopbackRing.RunEach(ranks, r =>
            {
                using var cpu = new CpuBackend(1);
                var sync = new AllReduceSync(shard ? r : new OpaqueReducer(r)) { AllowFactored = false };
                var session = new TrainingSession(options, cpu, sync, train, test, store, TextWriter.Null);
                var result = session.Run(CancellationToken.None);
                return (result, (float[])session.Model!.Parameters.Clone(), sync.FetchIsCollective);
            });
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    /// <summary>Hides the ring's range exchange, so the sync falls back to all-reduce + a whole step on every rank.</summary>
    private sealed class OpaqueReducer(IGradientReducer inner) : IGradientReducer
    {
        public int Rank => inner.Rank;

        public int WorldSize => inner.WorldSize;

        public void AllReduceSum(float[] buffer) => inner.AllReduceSum(buffer);

        public void Dispose()
        {
        }
    }
}
