using System.Runtime.InteropServices;
using YarnDL.Trainer.Launcher;

namespace YarnDL.UnitTests.Trainer;

public sealed class SignalForwardingTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("yarndl-exec-").FullName;

    [Theory]
    [InlineData(PosixSignal.SIGTERM, "TERM", 15)]
    [InlineData(PosixSignal.SIGINT, "INT", 2)]
    public async Task A_forwarded_signal_reaches_the_program_whose_exit_code_comes_back(PosixSignal signal, string name, int number)
    {
        var ready = Path.Combine(dir, "ready");
        Assert.Equal(0, MkFifo(ready));
        var script = $"trap 'echo {name} > \"$1/got\"; exit 42' {name}; echo ready > \"$1/ready\"; while :; do sleep 0.05; done";
        using var child = ChildProgram.Start(new LaunchCommand(script, ["task", dir]), new Dictionary<string, string?>());
        using var forwarder = new SignalForwarder(child);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The program has set its trap once it wrote to the FIFO; reading blocks until then.
        Assert.Equal("ready", (await File.ReadAllTextAsync(ready, cts.Token)).Trim());
        forwarder.Forward(signal);
        var exit = await child.WaitForExitAsync(cts.Token);

        Assert.Equal(42, exit);
        Assert.Equal(number, forwarder.Forwarded);
        Assert.Equal(name, (await File.ReadAllTextAsync(Path.Combine(dir, "got"), cts.Token)).Trim());
    }

    [Fact]
    public async Task A_program_ended_by_a_signal_exits_128_plus_its_number_as_bash_reports_it()
    {
        using var child = ChildProgram.Start(new LaunchCommand("exec sleep 60", []), new Dictionary<string, string?>());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        child.Signal(NativeSignals.SigTerm);

        Assert.Equal(128 + 15, await child.WaitForExitAsync(cts.Token));
    }

    [Fact]
    public async Task The_program_sees_the_cluster_variables_not_the_unset_ones_nor_the_task_secret()
    {
        Environment.SetEnvironmentVariable("YARNDL_TEST_EXEC_UNSET", "inherited");
        Environment.SetEnvironmentVariable("YARNDL_TASK_SECRET", "s3cret");
        try
        {
            var vars = new Dictionary<string, string?> { ["TF_CONFIG"] = """{"task":{"type":"worker","index":1}}""", ["YARNDL_TEST_EXEC_UNSET"] = null };
            var script = "printf '%s|%s|%s' \"$TF_CONFIG\" \"${YARNDL_TEST_EXEC_UNSET-unset}\" \"${YARNDL_TASK_SECRET-unset}\" > \"$1/env\"";
            using var child = ChildProgram.Start(new LaunchCommand(script, ["task", dir]), vars);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            Assert.Equal(0, await child.WaitForExitAsync(cts.Token));
            Assert.Equal("""{"task":{"type":"worker","index":1}}|unset|unset""", await File.ReadAllTextAsync(Path.Combine(dir, "env"), cts.Token));
        }
        finally
        {
            Environment.SetEnvironmentVariable("YARNDL_TEST_EXEC_UNSET", null);
            Environment.SetEnvironmentVariable("YARNDL_TASK_SECRET", null);
        }
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static int MkFifo(string path)
    {
        using var p = System.Diagnostics.Process.Start("mkfifo", [path]);
        p.WaitForExit();
        return p.ExitCode;
    }
}
