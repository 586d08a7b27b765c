using System.Diagnostics;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>A container's launch script running as its own process group (<c>setsid /bin/bash launch_container.sh</c>).</summary>
internal sealed class ContainerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TimeProvider _time;

    private ContainerProcess(Process process, TimeProvider time)
    {
        _process = process;
        _time = time;
        Pid = process.Id;
        Exited = process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default);
    }

    /// <summary>Completes with the exit code (128+signal when signalled, the shell's convention).</summary>
    public Task<int> Exited { get; }

    public int Pid { get; }

    public static ContainerProcess Start(string launchScript, string workDir, IReadOnlyDictionary<string, string> env, TimeProvider time)
    {
        var psi = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workDir,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add("/bin/bash");
        psi.ArgumentList.Add(launchScript);
        // DefaultContainerExecutor starts the script with the container's environment only (inheritParentEnv=false):
        // no PATH, DOTNET_* or anything else of the NodeManager's leaks in.
        psi.Environment.Clear();
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new InvalidOperationException("setsid did not start");
        p.StandardInput.Close();
        return new ContainerProcess(p, time);
    }

    /// <summary>SIGTERM to the process group, SIGKILL after <paramref name="grace"/> if still alive.</summary>
    public Task KillAsync(TimeSpan grace)
    {
        lock (_process)
        {
            return KillTask ??= KillCoreAsync(grace);
        }
    }

    /// <summary>SIGKILL to the whole process group at once, as when the process dies outside the NM's control
    /// (OOM killer, <c>kill -9</c>): the container then exits with the shell's 128+9 = 137.</summary>
    public Task CrashAsync()
    {
        lock (_process)
        {
            return KillTask ??= CrashCoreAsync();
        }
    }

    private async Task CrashCoreAsync()
    {
        if (Exited.IsCompleted) return;
        Signal(NativeMethods.SigKill);
        await Exited.ConfigureAwait(false);
        await WaitForGroupGoneAsync().ConfigureAwait(false);
    }

    /// <summary>To the process group, and to the leader itself: a container killed right after its start may not have
    /// reached setsid() yet, so no group of that id exists and only the direct signal lands (it has no children then).</summary>
    private void Signal(int signal)
    {
        _ = NativeMethods.Kill(-Pid, signal);
        if (!Exited.IsCompleted)
        {
            _ = NativeMethods.Kill(Pid, signal);
        }
    }

    /// <summary>The kill in progress, if one was requested; completes once the whole group got SIGKILL.</summary>
    public Task? KillTask { get; private set; }

    private async Task KillCoreAsync(TimeSpan grace)
    {
        if (Exited.IsCompleted) return;

        Signal(NativeMethods.SigTerm);
        var done = await Task.WhenAny(Exited, Task.Delay(grace, _time)).ConfigureAwait(false);
        // The leader may be gone while children linger: always finish the group off.
        Signal(NativeMethods.SigKill);
        if (done != Exited) await Exited.ConfigureAwait(false);
        await WaitForGroupGoneAsync().ConfigureAwait(false);
    }

    /// <summary>kill(2) returns before the kernel has torn the processes down: wait (bounded) until no live member
    /// of the group is left, so a caller that stops the cluster can rely on nothing surviving.</summary>
    private async Task WaitForGroupGoneAsync()
    {
        var deadline = _time.GetTimestamp() + (long)(GroupExitWait.TotalSeconds * _time.TimestampFrequency);
        while (ProcessGroups.HasLiveMember(Pid) && _time.GetTimestamp() < deadline)
        {
            _ = NativeMethods.Kill(-Pid, NativeMethods.SigKill);
            await Task.Delay(TimeSpan.FromMilliseconds(10), _time).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan GroupExitWait = TimeSpan.FromSeconds(5);

    public void Dispose() => _process.Dispose();
}
