using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Inference;
using YarnDL.Training.Model;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class TransferAndInferenceTests : IDisposable
{
    private static readonly Dataset All = DigitsLoader.Load(DigitsLoader.Locate(null));
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-transfer-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("mlp", "hidden1")]
    [InlineData("cnn", "conv")]
    public void InitFromAndFreeze_KeepFrozenLayersExactly_AndTrainTheRest(string model, string frozen)
    {
        var baseOptions = new TrainerOptions { Model = model, Epochs = 1, HiddenUnits = 32 };
        var source = new CheckpointStore(Path.Combine(dir, "base"));
        Train(baseOptions, source, null);
        var start = source.TryLoad()!.Parameters;

        var tuned = Train(baseOptions with { Freeze = [frozen], Seed = 7 }, new CheckpointStore(Path.Combine(dir, "tuned")), source);

        var layers = Layers(baseOptions);
        foreach (var l in layers)
        {
            var before = start.AsSpan(l.Offset, l.Length).ToArray();
            var after = tuned.Parameters.AsSpan(l.Offset, l.Length).ToArray();
            if (l.Name == frozen)
            {
                Assert.Equal(before, after);
            }
            else
            {
                Assert.NotEqual(before, after);
            }
        }
    }

    [Fact]
    public void Freeze_UnknownLayer_IsRefusedWithTheLayerNames()
    {
        var e = Assert.Throws<TrainerConfigException>(() => Train(new TrainerOptions { Epochs = 1, Freeze = ["conv"] }, null, null));
        Assert.Contains("hidden1, hidden2, output", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchInference_ShardsCoverTheDataSetOnce_AndMatchTheModelsAccuracy()
    {
        var options = new TrainerOptions { Epochs = 2 };
        var model = Train(options, null, null);

        var outputs = Enumerable.Range(0, 3).Select(r => BatchInference.Run(model, All, r, 3, dir)).ToArray();

        var rows = outputs.SelectMany(o => File.ReadAllLines(o.Path).Skip(1)).Select(l => l.Split(',')).ToArray();
        Assert.All(outputs, o => Assert.Equal(BatchInference.Header, File.ReadLines(o.Path).First()));
        Assert.Equal(Enumerable.Range(0, All.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Equal(All.Labels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[1]));
        var correct = rows.Count(r => r[1] == r[2]);
        Assert.Equal(model.Accuracy(All), (double)correct / All.Count, 10);
        Assert.All(rows, r => Assert.InRange(double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 0.1, 1.0));
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IReadOnlyList<LayerSlice> Layers(TrainerOptions options)
    {
        using var cpu = new CpuBackend(1);
        return ModelFactory.Create(options, cpu, All.FeatureCount, All.ClassCount).Layers;
    }

    private static IModel Train(TrainerOptions options, ICheckpointStore? store, ICheckpointStore? initFrom)
    {
        var (train, test) = All.Split(TrainerDefaults.TestFraction, TrainerDefaults.Seed);
        var cpu = new CpuBackend(1);
        var session = new TrainingSession(options, cpu, new SingleRankReducer(), train, test, store, TextWriter.Null) { InitFrom = initFrom };
        session.Run(CancellationToken.None);
        return session.Model!;
    }
}
