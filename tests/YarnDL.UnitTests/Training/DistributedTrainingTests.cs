using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Faults;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class DistributedTrainingTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-trainer-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TwoWorkers_Digits_ReachNinetySevenPercentTestAccuracy()
    {
        var options = new TrainerOptions { Epochs = 40, TargetAccuracy = 0.97 };
        var results = await TrainAsync(2, options, null, FaultKnobs.None);

        Assert.All(results, r => Assert.True(r.Result.TestAccuracy >= 0.97, $"test accuracy {r.Result.TestAccuracy:F4}"));
        Assert.Equal(results[0].Weights, results[1].Weights);
    }

    [Fact]
    public async Task KillAndResume_GivesTheSameFinalWeightsAsAnUninterruptedRun()
    {
        var options = new TrainerOptions { Epochs = 2, CheckpointEverySteps = 10 };
        var straight = await TrainAsync(2, options, null, FaultKnobs.None);

        var store = new CheckpointStore(dir);
        var killed = await Assert.ThrowsAsync<AggregateException>(() => TrainAsync(2, options, store, new FaultKnobs(ExitAfterSteps: 25)));
        Assert.IsType<InjectedFaultException>(killed.InnerExceptions[0].InnerException ?? killed.InnerExceptions[0]);
        Assert.Equal(20, store.TryLoad()!.Step);

        var resumed = await TrainAsync(2, options, store, FaultKnobs.None);

        Assert.Equal(straight[0].Result.Step, resumed[0].Result.Step);
        Assert.Equal(straight[0].Weights, resumed[0].Weights);
        Assert.Equal(straight[0].Weights, store.TryLoad()!.Parameters);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(TrainingResult Result, float[] Weights)[]> TrainAsync(int world, TrainerOptions options, CheckpointStore? store, FaultKnobs faults)
    {
        var (train, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, options.Seed);
        var ranks = await LoopbackRing.CreateAsync(world);
        try
        {
            return LoopbackRing.RunEach(ranks, r =>
            {
                using var cpu = new CpuBackend(1);
                var session = new TrainingSession(options, cpu, r, train, test, store, TextWriter.Null) { Faults = faults };
                var result = session.Run(CancellationToken.None);
                return (result, (float[])session.Model!.Parameters.Clone());
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
}
