using System.Diagnostics;

namespace YarnDL.Testing.Processes;

/// <summary>Runs a process, collects its output lines and lets a test await a line with a deadline.</summary>
public sealed class ProcessRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessRunner(Process process) => _process = process;

    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) return [.. _lines]; }
    }

    public bool HasExited => _process.HasExited;

    public static ProcessRunner Start(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var runner = new ProcessRunner(p);
        p.OutputDataReceived += (_, e) => runner.Add(e.Data);
        p.ErrorDataReceived += (_, e) => runner.Add(e.Data);
        p.Exited += (_, _) => runner.Signal();
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return runner;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_gate) _lines.Add(line);
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    /// <summary>Returns the first line matching <paramref name="match"/>; throws TimeoutException with the output so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                var hit = _lines.FirstOrDefault(match);
                if (hit is not null) return hit;
                wait = _changed.Task;
            }

            try
            {
                await wait.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching line within {timeout}; output so far:\n{string.Join('\n', Lines)}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM (via <c>kill -TERM</c>) so a foreground command such as <c>yarndl minicluster</c> can stop cleanly.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
