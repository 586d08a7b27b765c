using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Distributed.ParameterServer;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class ParameterServerTrainingTests
{
    private static readonly (Dataset Train, Dataset Test) Digits = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, TrainerDefaults.Seed);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SyncPs_TwoWorkers_ReachNinetySevenPercent_AndAgree(int ps)
    {
        var options = new TrainerOptions { Epochs = 40, TargetAccuracy = 0.97, Strategy = "ps" };
        var (results, served) = await TrainPsAsync(2, ps, PsMode.Sync, options);

        Assert.All(results, r => Assert.True(r.Result.TestAccuracy >= 0.97, $"test accuracy {r.Result.TestAccuracy:F4}"));
        Assert.Equal(results[0].Weights, results[1].Weights);
        Assert.All(served, u => Assert.Equal(results[0].Result.Step, u));
    }

    [Fact]
    public async Task SyncPs_IsDeterministic_AndMatchesAllReduceUpToFloatRounding()
    {
        var options = new TrainerOptions { Epochs = 2, Strategy = "ps" };
        var (first, _) = await TrainPsAsync(2, 2, PsMode.Sync, options);
        var (second, _) = await TrainPsAsync(2, 2, PsMode.Sync, options);
        var ring = await TrainRingAsync(2, options with { Strategy = "allreduce" });

        Assert.Equal(first[0].Weights, second[0].Weights);
        Assert.Equal(ring[0].Result.Step, first[0].Result.Step);
        var worst = first[0].Weights.Zip(ring[0].Weights, (a, b) => Math.Abs(a - b) / Math.Max(1f, Math.Abs(b))).Max();
        Assert.True(worst < 1e-3, $"largest relative difference ps vs ring {worst:E2}");
    }

    [Fact]
    public async Task AsyncPs_TwoWorkersTwoShards_Learn()
    {
        var options = new TrainerOptions { Epochs = 40, TargetAccuracy = 0.95, Strategy = "ps", PsMode = "async" };
        var (results, served) = await TrainPsAsync(2, 2, PsMode.Async, options);

        Assert.All(results, r => Assert.True(r.Result.TestAccuracy >= 0.9, $"test accuracy {r.Result.TestAccuracy:F4}"));
        Assert.Contains(results, r => r.Result.ReachedTarget);
        Assert.All(served, u => Assert.Equal(results.Sum(r => r.Result.Step), u));
    }

    private static async Task<((TrainingResult Result, float[] Weights)[] Results, long[] Updates)> TrainPsAsync(int workers, int ps, PsMode mode, TrainerOptions options)
    {
        using var cluster = await LoopbackPs.CreateAsync(workers, ps, mode);
        var results = RunEach(cluster.Clients, c => Train(options, c));
        foreach (var c in cluster.Clients)
        {
            c.Dispose();
        }

        await Task.WhenAll(cluster.Serving).WaitAsync(TimeSpan.FromSeconds(30));
        return (results, [.. cluster.Nodes.Select(n => n.Result.Updates)]);
    }

    private static async Task<(TrainingResult Result, float[] Weights)[]> TrainRingAsync(int world, TrainerOptions options)
    {
        var ranks = await LoopbackRing.CreateAsync(world);
        try
        {
            return RunEach(ranks.Select(r => (IParameterSync)new AllReduceSync(r)).ToArray(), s => Train(options, s));
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    private static (TrainingResult Result, float[] Weights) Train(TrainerOptions options, IParameterSync sync)
    {
        using var cpu = new CpuBackend(1);
        var session = new TrainingSession(options, cpu, sync, Digits.Train, Digits.Test, null, TextWriter.Null);
        var result = session.Run(CancellationToken.None);
        return (result, (float[])session.Model!.Parameters.Clone());
    }

    private static T[] RunEach<TSync, T>(TSync[] ranks, Func<TSync, T> body)
    {
        var tasks = ranks.Select(r => Task.Factory.StartNew(() => body(r), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return Task.WaitAll(tasks, TimeSpan.FromSeconds(120)) ? [.. tasks.Select(t => t.Result)] : throw new TimeoutException("workers did not finish within 120 s");
    }
}
