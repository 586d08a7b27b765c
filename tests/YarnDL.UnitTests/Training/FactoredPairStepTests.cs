using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Distributed.Pair;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

/// <summary>Two ranks training the CNN exchange its hidden layer's factors instead of its gradient, and split the
/// layer's rows between them as their speed says. The split must never change a bit of the result.</summary>
public sealed class FactoredPairStepTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-factored-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(nameof(OptimizerKind.Adam))]
    [InlineData(nameof(OptimizerKind.Sgd))]
    public async Task Weights_AndCheckpoints_DoNotDependOnHowTheRowsAreSplit(string optimizerName)
    {
        var optimizer = Enum.Parse<OptimizerKind>(optimizerName);
        var options = new TrainerOptions { Model = "cnn", Optimizer = optimizer, Epochs = 2, CheckpointEverySteps = 7 };
        var half = await TrainAsync(options, Path.Combine(dir, "half"), _ => 512);
        var wild = await TrainAsync(options, Path.Combine(dir, "wild"), step => 128 + (int)(step * 97 % 769));
        var timed = await TrainAsync(options, Path.Combine(dir, "timed"), null);

        Assert.All(half.Concat(wild).Concat(timed), r => Assert.True(r.Split >= 0, "the factored step was not used"));
        Assert.All(half, r => Assert.Equal(0, r.Moves));
        Assert.All(wild, r => Assert.True(r.Moves > 20, $"the split moved after {r.Moves} of {r.Result.Step} steps"));
        Assert.Equal(half[0].Weights, half[1].Weights);
        Assert.Equal(half[0].Weights, wild[0].Weights);
        Assert.Equal(wild[0].Weights, wild[1].Weights);
        Assert.Equal(half[0].Weights, timed[0].Weights);
        Assert.Equal(half[0].Result.Loss, wild[0].Result.Loss);
        CheckpointAssert.SameState(Path.Combine(dir, "half"), Path.Combine(dir, "wild"));
        CheckpointAssert.SameState(Path.Combine(dir, "half"), Path.Combine(dir, "timed"));
    }

    [Fact]
    public async Task HiddenLayerGradient_IsTheOneOfTheWholeGlobalBatch()
    {
        // One step on exactly one global batch: the hidden layer's rows come out of one product over all 64
        // examples, as on a single rank, so after the first update they match a single rank's bit for bit (the
        // other layers' gradients are sums of two halves and may differ in the last bit).
        var (all, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, 7);
        var train = all.Select([.. Enumerable.Range(0, 64)]);
        var options = new TrainerOptions { Model = "cnn", Epochs = 1, BatchSize = 64 };
        using var cpu = new CpuBackend(1);
        var single = new TrainingSession(options, cpu, new SingleRankReducer(), train, test, null, TextWriter.Null);
        single.Run(CancellationToken.None);
        var pair = await TrainAsync(options, null, step => 300, train, test);

        var layer = ((IFactoredModel)single.Model!).Factored;
        Assert.Equal(1, pair[0].Result.Step);
        Assert.Equal(single.Model!.Parameters.AsSpan(layer.Offset, layer.Length).ToArray(), pair[0].Weights.AsSpan(layer.Offset, layer.Length).ToArray());
        Assert.Equal(pair[0].Weights, pair[1].Weights);
    }

    [Fact]
    public async Task OverTcp_GivesTheSameWeightsAsOverSharedMemory()
    {
        var options = new TrainerOptions { Model = "cnn", Epochs = 1 };
        var shm = await TrainAsync(options, null, null);
        var tcp = await TrainAsync(options, null, null, sharedMemory: false);

        Assert.Equal(["shm", "shm"], shm.Select(r => r.Transport));
        Assert.Equal(["tcp", "tcp"], tcp.Select(r => r.Transport));
        Assert.Equal(shm[0].Weights, tcp[0].Weights);
        Assert.Equal(tcp[0].Weights, tcp[1].Weights);
    }

    [Fact]
    public async Task KillAndResume_GivesTheSameFinalWeightsAsAnUninterruptedRun()
    {
        var options = new TrainerOptions { Model = "cnn", Epochs = 2, CheckpointEverySteps = 10 };
        var straight = await TrainAsync(options, null, null);

        var store = Path.Combine(dir, "resume");
        var killed = await Assert.ThrowsAsync<AggregateException>(() => TrainAsync(options, store, step => 200 + (int)(step * 31 % 600), faults: new FaultKnobs(ExitAfterSteps: 25)));
        Assert.IsType<InjectedFaultException>(killed.InnerExceptions[0].InnerException ?? killed.InnerExceptions[0]);
        Assert.Equal(20, new CheckpointStore(store).TryLoad()!.Step);

        var resumed = await TrainAsync(options, store, null);

        Assert.Equal(straight[0].Result.Step, resumed[0].Result.Step);
        Assert.Equal(straight[0].Weights, resumed[0].Weights);
        Assert.Equal(straight[0].Weights, new CheckpointStore(store).TryLoad()!.Parameters);
    }

    [Fact]
    public void Pays_OnlyWhenTheFactorsAreSmallerThanHalfTheLayersGradient()
    {
        var layer = new FactoredLayer(160, 1024, 128);
        var parameters = 160 + (1024 * 128) + 128 + 1290;
        Assert.True(FactoredPairStep.Pays(layer, parameters, parameters + 3, 64));
        Assert.False(FactoredPairStep.Pays(layer, parameters, parameters + 3, 512)); // 256 examples × ~900 inputs each way
        Assert.False(FactoredPairStep.Pays(layer, parameters, parameters + 3, 1));
    }

    [Fact]
    public async Task BigGlobalBatch_FallsBackToTheShardedStep()
    {
        var options = new TrainerOptions { Model = "cnn", Epochs = 1, BatchSize = 512 };
        var results = await TrainAsync(options, null, null);

        Assert.All(results, r => Assert.Equal(-1, r.Split));
        Assert.Equal(results[0].Weights, results[1].Weights);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(TrainingResult Result, float[] Weights, int Split, int Moves, string Transport)[]> TrainAsync(
        TrainerOptions options, string? checkpointDir, Func<long, int>? split, Dataset? train = null, Dataset? test = null, bool sharedMemory = true, FaultKnobs? faults = null)
    {
        if (train is null || test is null)
        {
            (train, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, options.Seed);
        }

        var ranks = await LoopbackRing.CreateAsync(2);
        foreach (var r in ranks)
        {
            ((RingAllReduce)r).AllowSharedMemory = sharedMemory;
        }

        var store = checkpointDir is null ? null : new CheckpointStore(checkpointDir);
        try
        {
            return LoopbackRing.RunEach(ranks, r =>
            {
                using var cpu = new CpuBackend(1);
                var sync = new AllReduceSync(r) { FactoredSplitOverride = split };
                var session = new TrainingSession(options, cpu, sync, train, test, store, TextWriter.Null) { Faults = faults ?? FaultKnobs.None };
                var result = session.Run(CancellationToken.None);
                return (result, (float[])session.Model!.Parameters.Clone(), sync.FactoredSplit, sync.FactoredSplitMoves, ((RingAllReduce)r).PairTransport);
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
