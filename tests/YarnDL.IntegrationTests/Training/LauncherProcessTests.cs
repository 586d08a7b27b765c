using System.Diagnostics;

namespace YarnDL.IntegrationTests.Training;

/// <summary><c>yarndl-trainer exec</c> as a real process under a fake AM: what the program sees, the exit code it
/// reports, a Stop from the AM and a SIGTERM sent to the launcher.</summary>
public sealed class LauncherProcessTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("yarndl-exec-").FullName;

    [Fact]
    public async Task Exec_exports_the_cluster_runs_the_command_and_reports_its_exit_code()
    {
        using var am = new FakeAm("None");
        var command = "echo \"$TF_CONFIG|$RANK|$WORLD_SIZE|$MASTER_ADDR|$MASTER_PORT|$YARNDL_TASK_PORT|${YARNDL_TASK_SECRET-unset}\"; exit 3";

        var r = await TrainerProcess.RunAsync(Env(am, command), "exec");

        Assert.True(r.ExitCode == 3, r.Stderr + r.Stdout);
        var port = System.Text.RegularExpressions.Regex.Match(am.RegisterBody!, "\"port\":(\\d+)").Groups[1].Value;
        Assert.Equal($$$"""{"cluster":{"chief":["127.0.0.1:1"]},"task":{"type":"chief","index":0}}|0|1|127.0.0.1|1|{{{port}}}|unset""", r.Stdout.Trim());
        Assert.Contains("\"succeeded\":false", am.ResultBody, StringComparison.Ordinal);
        Assert.Contains("exit code 3", am.ResultBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_from_the_am_terminates_the_program_and_the_task_succeeds()
    {
        using var am = new FakeAm("Stop");
        var command = "trap 'echo stopped; exit 9' TERM; while :; do sleep 0.05; done";

        var r = await TrainerProcess.RunAsync(Env(am, command), "exec");

        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Equal("stopped", r.Stdout.Trim());
        Assert.Contains("\"succeeded\":true", am.ResultBody, StringComparison.Ordinal);
        Assert.Contains("stopped by the AM (program exit code 9)", am.ResultBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_to_the_launcher_reaches_the_program_and_its_exit_code_is_the_launchers()
    {
        using var am = new FakeAm("None");
        var ready = Path.Combine(dir, "ready");
        using (var fifo = Process.Start("mkfifo", [ready]))
        {
            await fifo.WaitForExitAsync();
        }

        var command = $"trap 'echo TERM > {dir}/got; exit 42' TERM; echo ready > {ready}; while :; do sleep 0.05; done";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(TrainerProcess.Dll);
        psi.ArgumentList.Add("exec");
        foreach (var (k, v) in Env(am, command))
        {
            psi.Environment[k] = v;
        }

        using var launcher = Process.Start(psi)!;
        var stderr = launcher.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        // The program has set its trap once it wrote to the FIFO (reading blocks until then).
        Assert.Equal("ready", (await File.ReadAllTextAsync(ready, cts.Token)).Trim());
        using (var kill = Process.Start("/bin/bash", ["-c", $"kill -TERM {launcher.Id}"]))
        {
            await kill.WaitForExitAsync(cts.Token);
        }

        await launcher.WaitForExitAsync(cts.Token);

        Assert.True(launcher.ExitCode == 42, await stderr);
        Assert.Equal("TERM", (await File.ReadAllTextAsync(Path.Combine(dir, "got"), cts.Token)).Trim());
        Assert.Contains("exit code 42 after signal 15", am.ResultBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_without_a_command_exits_2_and_says_how_to_give_one()
    {
        using var am = new FakeAm("None");
        var env = Env(am, string.Empty);
        env.Remove("YARNDL_TASK_COMMAND");

        var r = await TrainerProcess.RunAsync(env, "exec");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("usage: yarndl-trainer exec", r.Stderr, StringComparison.Ordinal);
        Assert.Null(am.RegisterBody);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static Dictionary<string, string> Env(FakeAm am, string command) => new()
    {
        ["YARNDL_AM_URL"] = $"http://127.0.0.1:{am.Port}/",
        ["YARNDL_TASK_SECRET"] = "t0ps3cret",
        ["YARNDL_ROLE"] = "chief",
        ["YARNDL_INDEX"] = "0",
        ["YARNDL_CLUSTER_ID"] = "main",
        ["YARNDL_TASK_COMMAND"] = command,
    };
}
