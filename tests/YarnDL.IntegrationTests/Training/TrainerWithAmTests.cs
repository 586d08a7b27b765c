namespace YarnDL.IntegrationTests.Training;

public sealed class TrainerWithAmTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-trainer-am-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task UnderAnAm_RegistersHeartbeats_StopsOnCommand_AndPostsItsResult()
    {
        using var am = new FakeAm("Stop");
        var env = new Dictionary<string, string>
        {
            ["YARNDL_AM_URL"] = $"http://127.0.0.1:{am.Port}/",
            ["YARNDL_TASK_SECRET"] = "t0ps3cret",
            ["YARNDL_ROLE"] = "chief",
            ["YARNDL_INDEX"] = "0",
            ["YARNDL_CLUSTER_ID"] = "main",
            ["YARNDL_CHECKPOINT_DIR"] = dir,
            ["YARNDL_TRAINER"] = "{\"epochs\":100000,\"hidden-units\":16}",
        };

        var r = await TrainerProcess.RunAsync(env);

        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("stopped=True", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("t0ps3cret", am.Secret);
        Assert.Contains("\"role\":\"chief\"", am.RegisterBody, StringComparison.Ordinal);
        Assert.True(am.Heartbeats >= 1);
        Assert.Contains("\"succeeded\":true", am.ResultBody, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "checkpoint.bin")));
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
