using System.Globalization;
using System.Text.RegularExpressions;

namespace YarnDL.IntegrationTests.Training;

public sealed partial class TrainerProcessTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-trainer-it-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("mlp", "sharded")]
    [InlineData("cnn", "factored")]
    public async Task TwoProcesses_FromTfConfig_ReachNinetySevenPercentAndAgree(string model, string optimizer)
    {
        var cluster = $"{{\"chief\":[\"127.0.0.1:{TrainerProcess.FreePort()}\"],\"worker\":[\"127.0.0.1:{TrainerProcess.FreePort()}\"]}}";
        string Tf(string role) => $"{{\"cluster\":{cluster},\"task\":{{\"type\":\"{role}\",\"index\":0}}}}";
        var trainer = $"{{\"model\":\"{model}\",\"epochs\":40,\"target-accuracy\":0.97}}";

        var results = await Task.WhenAll(
            TrainerProcess.RunAsync(new Dictionary<string, string> { ["TF_CONFIG"] = Tf("chief"), ["YARNDL_TRAINER"] = trainer, ["YARNDL_CHECKPOINT_DIR"] = dir }),
            TrainerProcess.RunAsync(new Dictionary<string, string> { ["TF_CONFIG"] = Tf("worker"), ["YARNDL_TRAINER"] = trainer }));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout));
        Assert.All(results, r => Assert.Contains("world=2", r.Stdout, StringComparison.Ordinal));

        // Two ranks swap halves directly (shared memory on one host, else TCP) and shard the optimizer step; the CNN
        // sends its hidden layer's factors instead of that layer's gradient.
        Assert.All(results, r => Assert.Matches($@"sync exchange=pair-(shm|tcp) optimizer={optimizer}", r.Stdout));
        Assert.All(results, r => Assert.True(FinalAccuracy(r.Stdout) >= 0.97, r.Stdout));
        Assert.Equal(WithoutTiming(results[0].Stdout), WithoutTiming(results[1].Stdout));
        Assert.True(File.Exists(Path.Combine(dir, "checkpoint.bin")));
    }

    [Fact]
    public async Task ChiefWorkerAndPs_Processes_TrainWithSyncParameterServer()
    {
        var cluster = $"{{\"chief\":[\"127.0.0.1:{TrainerProcess.FreePort()}\"],\"worker\":[\"127.0.0.1:{TrainerProcess.FreePort()}\"],\"ps\":[\"127.0.0.1:{TrainerProcess.FreePort()}\"]}}";
        string Tf(string role) => $"{{\"cluster\":{cluster},\"task\":{{\"type\":\"{role}\",\"index\":0}}}}";
        var trainer = "{\"epochs\":40,\"target-accuracy\":0.97,\"strategy\":\"ps\"}";

        var results = await Task.WhenAll(
            TrainerProcess.RunAsync(new Dictionary<string, string> { ["TF_CONFIG"] = Tf("ps"), ["YARNDL_TRAINER"] = trainer }),
            TrainerProcess.RunAsync(new Dictionary<string, string> { ["TF_CONFIG"] = Tf("chief"), ["YARNDL_TRAINER"] = trainer }),
            TrainerProcess.RunAsync(new Dictionary<string, string> { ["TF_CONFIG"] = Tf("worker"), ["YARNDL_TRAINER"] = trainer }));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout));
        Assert.Contains("mode=sync", results[0].Stdout, StringComparison.Ordinal);
        Assert.All(results[1..], r => Assert.True(FinalAccuracy(r.Stdout) >= 0.97, r.Stdout));
        Assert.Equal(WithoutTiming(results[1].Stdout), WithoutTiming(results[2].Stdout));
    }

    [Fact]
    public async Task TrainWithTensorBoard_ThenInferTwoShards_WritesEventsAndPredictions()
    {
        var ckpt = Path.Combine(dir, "ckpt");
        var tb = Path.Combine(dir, "tb");
        var predictions = Path.Combine(dir, "predictions");
        var train = await TrainerProcess.RunAsync(new Dictionary<string, string> { ["YARNDL_TRAINER"] = "{\"epochs\":3}", ["YARNDL_CHECKPOINT_DIR"] = ckpt }, "--tensorboard-dir", tb);
        Assert.True(train.ExitCode == 0, train.Stderr + train.Stdout);
        var events = Assert.Single(Directory.GetFiles(tb));
        Assert.StartsWith("events.out.tfevents.", Path.GetFileName(events), StringComparison.Ordinal);
        Assert.Equal("brain.Event:2"u8.ToArray(), File.ReadAllBytes(events)[23..36]); // 12-byte record header, then 09 + 8-byte wall_time, 1A 0D

        var cluster = $"{{\"worker\":[\"127.0.0.1:{TrainerProcess.FreePort()}\",\"127.0.0.1:{TrainerProcess.FreePort()}\"]}}";
        var shards = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => TrainerProcess.RunAsync(new Dictionary<string, string>
        {
            ["TF_CONFIG"] = $"{{\"cluster\":{cluster},\"task\":{{\"type\":\"worker\",\"index\":{i}}}}}",
            ["YARNDL_TRAINER"] = $"{{\"mode\":\"infer\",\"init-from\":\"{ckpt}\",\"predictions-dir\":\"{predictions}\"}}",
        })));

        Assert.All(shards, r => Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout));
        var rows = Enumerable.Range(0, 2).SelectMany(i => File.ReadAllLines(Path.Combine(predictions, $"predictions-0000{i}.csv")).Skip(1)).ToArray();
        Assert.Equal(1797, rows.Length);
        Assert.True(rows.Count(r => r.Split(',')[1] == r.Split(',')[2]) > 0.9 * rows.Length, "predictions should mostly match the labels");
    }

    [Fact]
    public async Task KilledProcess_ResumesFromCheckpoint_AndEndsWithTheSameCheckpointBytes()
    {
        var straightDir = Path.Combine(dir, "straight");
        var resumedDir = Path.Combine(dir, "resumed");
        var trainer = "{\"epochs\":2,\"checkpoint-every-steps\":10}";

        var straight = await TrainerProcess.RunAsync(new Dictionary<string, string> { ["YARNDL_TRAINER"] = trainer, ["YARNDL_CHECKPOINT_DIR"] = straightDir });
        var killed = await TrainerProcess.RunAsync(new Dictionary<string, string> { ["YARNDL_TRAINER"] = trainer, ["YARNDL_CHECKPOINT_DIR"] = resumedDir, ["YARNDL_TEST_FAULTS"] = "exit-after-steps=35,exit-code=9" });
        var resumed = await TrainerProcess.RunAsync(new Dictionary<string, string> { ["YARNDL_TRAINER"] = trainer, ["YARNDL_CHECKPOINT_DIR"] = resumedDir });

        Assert.Equal(0, straight.ExitCode);
        Assert.Equal(9, killed.ExitCode);
        Assert.Contains("fault knob", killed.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("step=30", resumed.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(straightDir, "checkpoint.bin")), File.ReadAllBytes(Path.Combine(resumedDir, "checkpoint.bin")));
    }

    [Fact]
    public async Task BadSettings_ExitTwoWithAClearMessage()
    {
        var r = await TrainerProcess.RunAsync(new Dictionary<string, string> { ["YARNDL_TRAINER"] = "{\"model\":\"resnet\",\"epochs\":0}" });

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("model 'resnet' is not supported", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("epochs must be > 0", r.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FinalLine(string stdout) => stdout.Split('\n').Single(l => l.StartsWith("final ", StringComparison.Ordinal));

    /// <summary>The final line up to its wall-clock field: both ranks hold the same weights, so it must match.</summary>
    private static string WithoutTiming(string stdout) => FinalLine(stdout).Split(" seconds=")[0];

    private static double FinalAccuracy(string stdout) =>
        double.Parse(AccuracyPattern().Match(FinalLine(stdout)).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"accuracy=([0-9.]+)")]
    private static partial Regex AccuracyPattern();
}
