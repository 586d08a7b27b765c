using YarnDL.TaskProtocol;
using YarnDL.Training.Config;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

public sealed class TrainerOptionsParserTests
{
    private static TrainerOptions Parse(string? json, params string[] args) =>
        TrainerOptionsParser.Parse(TrainerOptionsParser.ParseJson(json, TaskEnv.TrainerConfig), args);

    [Fact]
    public void Parse_FlagsOverrideTheSettings()
    {
        var o = Parse(
            "{\"model\":\"cnn\",\"batch-size\":64,\"learning-rate\":0.1,\"optimizer\":\"sgd\",\"hidden-units\":16}",
            "--batch-size", "16", "--target-accuracy", "0.9", "--learning-rate", "0.02");

        Assert.Equal("cnn", o.Model);
        Assert.Equal(16, o.BatchSize);
        Assert.Equal(0.02f, o.LearningRate);
        Assert.Equal(OptimizerKind.Sgd, o.Optimizer);
        Assert.Equal(0.9, o.TargetAccuracy);
        Assert.Equal(16, o.HiddenUnits);
    }

    [Theory]
    [InlineData("{\"hidden\":64}", "hidden")]
    [InlineData("{\"epochs\":1,\"learning_rate\":0.1}", "learning_rate")]
    public void An_unknown_key_in_the_settings_is_refused_naming_it(string json, string key)
    {
        var e = Assert.Throws<TrainerSettingsException>(() => Parse(json));

        Assert.Equal(key, e.Key);
        Assert.StartsWith($"YARNDL_TRAINER: unknown key '{key}' (known: model, dataset,", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unknown_flag_is_refused_naming_it()
    {
        var e = Assert.Throws<TrainerSettingsException>(() => Parse(null, "--hidden", "8"));
        Assert.Equal(("hidden", TrainerOptionsParser.FlagsSource), (e.Key, e.Source));
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var e = Assert.Throws<TrainerSettingsException>(() => Parse("{\"epochs\":\"many\"}"));
        Assert.Equal("epochs", e.Key);
    }

    [Fact]
    public void Parse_ReportsEveryViolationTogether()
    {
        var e = Assert.Throws<TrainerConfigException>(() => Parse("{\"epochs\":0,\"strategy\":\"horovod\",\"threads\":0,\"ps-mode\":\"eventual\",\"backend\":\"tpu\"}"));

        Assert.Contains("epochs must be > 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("strategy 'horovod' is not supported (supported: allreduce, ps)", e.Message, StringComparison.Ordinal);
        Assert.Contains("ps-mode 'eventual' is not supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("threads must be > 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("backend 'tpu' is not supported (supported: auto, cuda, cpu)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrategyPsModeInitFromFreezeTensorboardDatasetCheckpointInterval()
    {
        var o = Parse(
            "{\"strategy\":\"ps\",\"ps-mode\":\"async\",\"mode\":\"infer\",\"init-from\":\"hdfs:///ckpt\",\"freeze\":[\"hidden1\",\"hidden2\"],\"dataset\":\"fashion-mnist\",\"checkpoint-every-steps\":25}",
            "--tensorboard-dir", "/tmp/tb", "--predictions-dir", "/tmp/p");

        Assert.Equal(("ps", "async", "infer", "hdfs:///ckpt", "fashion-mnist", 25), (o.Strategy, o.PsMode, o.Mode, o.InitFrom, o.Dataset, o.CheckpointEverySteps));
        Assert.Equal(["hidden1", "hidden2"], o.Freeze);
        Assert.Equal(("/tmp/tb", "/tmp/p"), (o.TensorboardDir, o.PredictionsDir));
        Assert.Equal(["conv", "hidden"], Parse(null, "--freeze", "conv, hidden").Freeze);
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Assert.Throws<TrainerSettingsException>(() => Parse("{oops"));
    }

    [Fact]
    public void The_effective_settings_use_job_yaml_keys_and_name_every_contract_key()
    {
        var json = TrainerOptionsParser.Effective(Parse("{\"hidden-units\":16}"), "cpu").ToJson();

        Assert.Contains("\"hidden-units\":16", json, StringComparison.Ordinal);
        Assert.Contains("\"backend\":\"cpu\"", json, StringComparison.Ordinal);
        Assert.Contains("\"checkpoint-every-steps\":0", json, StringComparison.Ordinal);
        var again = Parse(json.Replace("\"backend\":\"cpu\"", "\"backend\":\"auto\"", StringComparison.Ordinal));
        Assert.Equal(Parse("{\"hidden-units\":16}") with { Freeze = [] }, again with { Freeze = [] });
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
