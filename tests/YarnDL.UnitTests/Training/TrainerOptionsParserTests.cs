using YarnDL.Training.Config;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

public sealed class TrainerOptionsParserTests
{
    [Fact]
    public void Parse_HyperParametersOverrideTrainerJson_AndFlagsOverrideBoth()
    {
        var o = TrainerOptionsParser.Parse(
            "{\"model\":\"cnn\",\"batch-size\":64,\"learning-rate\":0.1,\"optimizer\":\"sgd\"}",
            "{\"learning_rate\":\"0.02\",\"momentum\":0.5,\"unknown\":1}",
            ["--batchSize", "16", "--target-accuracy", "0.9"]);

        Assert.Equal("cnn", o.Model);
        Assert.Equal(16, o.BatchSize);
        Assert.Equal(0.02f, o.LearningRate);
        Assert.Equal(0.5f, o.Momentum);
        Assert.Equal(OptimizerKind.Sgd, o.Optimizer);
        Assert.Equal(0.9, o.TargetAccuracy);
    }

    [Fact]
    public void Parse_ReportsEveryViolationTogether()
    {
        var e = Assert.Throws<TrainerConfigException>(() => TrainerOptionsParser.Parse("{\"epochs\":0,\"strategy\":\"horovod\",\"threads\":0,\"ps-mode\":\"eventual\"}", null, []));

        Assert.Contains("epochs must be > 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("strategy 'horovod' is not supported (supported: allreduce, ps)", e.Message, StringComparison.Ordinal);
        Assert.Contains("ps-mode 'eventual' is not supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("threads must be > 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NewKeys_StrategyPsModeInitFromFreezeTensorboardDataset()
    {
        var o = TrainerOptionsParser.Parse(
            "{\"strategy\":\"ps\",\"ps-mode\":\"async\",\"mode\":\"infer\",\"init-from\":\"hdfs:///ckpt\",\"freeze\":[\"hidden1\",\"hidden2\"],\"dataset\":\"fashion-mnist\"}",
            null,
            ["--tensorboard-dir", "/tmp/tb", "--predictions-dir", "/tmp/p"]);

        Assert.Equal(("ps", "async", "infer", "hdfs:///ckpt", "fashion-mnist"), (o.Strategy, o.PsMode, o.Mode, o.InitFrom, o.Dataset));
        Assert.Equal(["hidden1", "hidden2"], o.Freeze);
        Assert.Equal(("/tmp/tb", "/tmp/p"), (o.TensorboardDir, o.PredictionsDir));
        Assert.Equal(["conv", "hidden"], TrainerOptionsParser.Parse(null, null, ["--freeze", "conv, hidden"]).Freeze);
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Assert.Throws<TrainerConfigException>(() => TrainerOptionsParser.Parse("{oops", null, []));
    }

    [Fact]
    public void FaultKnobs_ParseAllKnobs_AndRejectUnknown()
    {
        var k = FaultKnobs.Parse("exit-after-steps=50, exit-code=3;hang-after-steps=7");

        Assert.Equal(new FaultKnobs(50, 3, 7), k);
        Assert.Equal(FaultKnobs.None, FaultKnobs.Parse(null));
        Assert.Throws<FormatException>(() => FaultKnobs.Parse("explode=1"));
    }
}
