using System.Diagnostics;
using YarnDL.TaskProtocol;

namespace YarnDL.Trainer.Launcher;

/// <summary>The user's program: <c>/bin/bash -c SCRIPT [NAME ARGS...]</c>, as YARN runs a container command, with the
/// launcher's stdout and stderr (the task's log files) and the cluster variables added to the launcher's environment.
/// The task secret is removed: only the launcher talks to the AM.</summary>
internal sealed class ChildProgram : IDisposable
{
    /// <summary>The shell YARN's launch script uses; an absolute path, so no PATH is needed.</summary>
    public const string Shell = "/bin/bash";

    private readonly Process process;

    private ChildProgram(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static ChildProgram Start(LaunchCommand command, IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(variables);
        var psi = new ProcessStartInfo(Shell) { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command.Script);
        foreach (var a in command.Arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove(TaskEnv.Secret);
        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        return new ChildProgram(Process.Start(psi) ?? throw new InvalidOperationException($"{Shell} did not start"));
    }

    /// <summary>Sends <paramref name="signal"/> to the program unless it has already exited.</summary>
    public void Signal(int signal)
    {
        if (!process.HasExited)
        {
            _ = NativeSignals.Kill(process.Id, signal);
        }
    }

    /// <summary>SIGKILL to the program and everything it started.</summary>
    public void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>The program's exit code; 128 + N when signal N ended it, as bash reports it.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }

    public void Dispose() => process.Dispose();
}
