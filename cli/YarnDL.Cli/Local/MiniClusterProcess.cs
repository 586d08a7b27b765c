using System.Diagnostics;

namespace YarnDL.Cli.Local;

/// <summary>
/// The MiniCluster host (<c>minicluster/YarnDL.MiniCluster.Host.dll</c> beside <c>yarndl.dll</c>) as a child process.
/// yarndl itself does not reference the MiniCluster, so its start resolves no ASP.NET Core and runs where only the .NET
/// runtime is installed. The child prints <c>key: value</c> lines up to <c>ready</c> and stops, killing every container,
/// when its standard input closes: <see cref="StopAsync"/> closes it, and so does the OS when yarndl dies.
/// </summary>
internal sealed class MiniClusterProcess : IAsyncDisposable
{
    internal const string Folder = "minicluster";
    internal const string DllName = "YarnDL.MiniCluster.Host.dll";

    /// <summary>How long a stopping MiniCluster may take (it kills containers with a short grace) before its tree is killed.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Task _relay;
    private readonly Task _stderr;
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _rmRest = [];

    private MiniClusterProcess(Process process, TextWriter? output, TextWriter error)
    {
        _process = process;
        _relay = RelayAsync(output);
        _stderr = PumpErrorsAsync(error);
    }

    /// <summary>The <c>rm-rest:</c> lines (one per RM) once ready.</summary>
    public IReadOnlyList<string> RmRest => _rmRest;

    /// <summary>
    /// Starts the host from <paramref name="bundleDirectory"/> (yarndl's own folder) with <paramref name="arguments"/>.
    /// Its stdout lines go to <paramref name="output"/> (none: only read), its stderr lines to <paramref name="error"/>.
    /// </summary>
    public static MiniClusterProcess Start(string bundleDirectory, IEnumerable<string> arguments, TextWriter? output, TextWriter error)
    {
        var dll = Locate(bundleDirectory);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + dll);
        return new MiniClusterProcess(process, output, error);
    }

    /// <summary>Path of the host dll; a clear error when the build or package lacks it.</summary>
    internal static string Locate(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, Folder, DllName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the MiniCluster needs {DllName} in {Path.Combine(bundleDirectory, Folder)} (rebuild cli/YarnDL.Cli, which copies it there)", path);
    }

    /// <summary>The <c>key: value</c> lines printed before <c>ready</c>; throws with the exit code when the host ends first.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitReadyAsync(CancellationToken ct)
    {
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(ct).ConfigureAwait(false);
        if (first == _ready.Task)
        {
            return await _ready.Task.ConfigureAwait(false);
        }

        await Task.WhenAll(_relay, _stderr).ConfigureAwait(false);
        throw new InvalidOperationException($"the MiniCluster exited ({_process.ExitCode}) before it was ready");
    }

    /// <summary>Waits until the host exits by itself (a signal, bad options) and returns its exit code, all output relayed.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct).ConfigureAwait(false);
        await Task.WhenAll(_relay, _stderr).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Closes the host's stdin (it stops the cluster and every container) and waits for it; kills its tree past a deadline.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // it is exiting already
            }
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await Task.WhenAll(_relay, _stderr).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Reads stdout line by line: records <c>key: value</c> lines until <c>ready</c> and passes every line on, in order.</summary>
    private async Task RelayAsync(TextWriter? output)
    {
        await Task.Yield();
        var reader = _process.StandardOutput;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (!_ready.Task.IsCompleted)
            {
                Record(line);
            }

            if (output is not null)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
            }
        }

        _ready.TrySetException(new InvalidOperationException("the MiniCluster closed its output before it was ready"));
        _ = _ready.Task.Exception; // observed here: WaitReadyAsync reports the exit code instead
    }

    private void Record(string line)
    {
        if (line.StartsWith("ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult(_values);
            return;
        }

        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            var key = line[..colon];
            var value = line[(colon + 2)..];
            if (key == "rm-rest")
            {
                _rmRest.Add(value);
            }

            _values.TryAdd(key, value);
        }
    }

    private async Task PumpErrorsAsync(TextWriter error)
    {
        await Task.Yield();
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
