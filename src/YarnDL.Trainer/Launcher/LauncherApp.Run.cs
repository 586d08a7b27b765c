using YarnDL.TaskProtocol;
using YarnDL.Training.Cluster;

namespace YarnDL.Trainer.Launcher;

internal sealed partial class LauncherApp
{
    private async Task<int> RunProgramAsync(LaunchCommand command, IReadOnlyDictionary<string, string?> variables, AmTaskClient am, CancellationToken ct)
    {
        using var child = ChildProgram.Start(command, variables);
        using var forwarder = new SignalForwarder(child);
        await stderr.WriteLineAsync($"exec: started {ChildProgram.Shell} -c (pid {child.Id})");
        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeats = am.RunHeartbeatsAsync(stderr, stopHeartbeats.Token);
        int exitCode;
        bool stoppedByAm;
        try
        {
            (exitCode, stoppedByAm) = await SuperviseAsync(child, am, ct);
        }
        finally
        {
            await stopHeartbeats.CancelAsync();
            await heartbeats;
        }

        var message = stoppedByAm ? $"stopped by the AM (program exit code {exitCode})"
            : forwarder.Forwarded != 0 ? $"exit code {exitCode} after signal {forwarder.Forwarded}"
            : $"exit code {exitCode}";
        await stderr.WriteLineAsync($"exec: program ended: {message}");
        await TryPostResultAsync(am, exitCode == 0 || stoppedByAm, message);
        return stoppedByAm ? ExitCodes.Success : exitCode;
    }

    /// <summary>Waits for the program while obeying the AM: Stop sends SIGTERM, then SIGKILL after <see cref="StopGrace"/>.
    /// A Checkpoint request is acknowledged and logged: a program of its own cannot be asked to checkpoint.</summary>
    private async Task<(int ExitCode, bool StoppedByAm)> SuperviseAsync(ChildProgram child, AmTaskClient am, CancellationToken ct)
    {
        var exited = child.WaitForExitAsync(ct);
        DateTimeOffset? killAt = null;
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(CommandPoll, time, ct));
            switch (am.PendingCommand)
            {
                case TaskCommand.Stop when killAt is null:
                    await stderr.WriteLineAsync($"exec: the AM asked this task to stop; SIGTERM to the program, SIGKILL in {StopGrace.TotalSeconds:0} s");
                    child.Signal(NativeSignals.SigTerm);
                    killAt = time.GetUtcNow() + StopGrace;
                    break;
                case TaskCommand.Checkpoint:
                    am.Acknowledge(TaskCommand.Checkpoint);
                    await stderr.WriteLineAsync("exec: the AM asked for a checkpoint; a command task checkpoints on its own schedule, ignored");
                    break;
            }

            if (killAt is { } deadline && time.GetUtcNow() >= deadline && !child.HasExited)
            {
                await stderr.WriteLineAsync("exec: the program outlived its stop grace; SIGKILL");
                child.KillTree();
                killAt = DateTimeOffset.MaxValue;
            }
        }

        return (await exited, killAt is not null);
    }

    /// <summary>Best effort: when YARN is stopping the container, SIGKILL may come first, and the AM then reads the exit
    /// status from the RM instead.</summary>
    private async Task TryPostResultAsync(AmTaskClient am, bool succeeded, string message)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
            await am.PostResultAsync(succeeded, new Dictionary<string, double>(), message, cts.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            await stderr.WriteLineAsync($"exec: result not delivered to the AM ({e.Message}); it reads the container's exit status instead");
        }
    }
}
