using System.Collections.Concurrent;
using System.Diagnostics;

namespace YarnDL.Bench.Faults;

/// <summary>The built CLI (<c>cli/YarnDL.Cli/bin/&lt;config&gt;/net10.0/yarndl.dll</c>, with the AM and trainer it ships
/// beside it) run as a real process; its output lines are kept and can be awaited.</summary>
internal sealed class YarndlProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly Lock _gate = new();

    private YarndlProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line printed so far (stdout and stderr interleaved).</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public static string Dll(string repoRoot) =>
        Path.Combine(repoRoot, "cli", "YarnDL.Cli", "bin", Configuration, "net10.0", "yarndl.dll");

    /// <summary>Builds the CLI (and with it the AM and trainer it ships) in this bench's configuration.</summary>
    public static async Task BuildAsync(string repoRoot, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", Path.Combine(repoRoot, "cli", "YarnDL.Cli", "YarnDL.Cli.csproj"), "-c", Configuration, "-nologo", "-v", "q" })
        {
            psi.ArgumentList.Add(a);
        }

        using var build = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet build");
        var stdout = build.StandardOutput.ReadToEndAsync(ct);
        var stderr = build.StandardError.ReadToEndAsync(ct);
        await build.WaitForExitAsync(ct).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build cli/YarnDL.Cli failed ({build.ExitCode}):\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }
    }

    /// <summary>Starts <c>dotnet yarndl.dll args</c> with no Hadoop configuration from the caller's environment.</summary>
    public static YarndlProcess Start(string repoRoot, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll(repoRoot));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HADOOP_CONF_DIR"] = "/nonexistent";
        psi.Environment["YARN_CONF_DIR"] = "/nonexistent";
        return new YarndlProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start yarndl"));
    }

    /// <summary>The first line (already printed or to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan limit, CancellationToken ct)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            _waiters.Add((match, seen));
        }

        _ = _process.WaitForExitAsync(ct).ContinueWith(
            _ => seen.TrySetException(new InvalidOperationException("yarndl exited before printing the line awaited")), TaskScheduler.Default);
        return seen.Task.WaitAsync(limit, ct);
    }

    /// <summary>Waits for the exit (killing the process after <paramref name="limit"/>) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit, CancellationToken ct)
    {
        try
        {
            await _process.WaitForExitAsync(ct).WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
