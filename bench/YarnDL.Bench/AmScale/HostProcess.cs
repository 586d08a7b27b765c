using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace YarnDL.Bench.AmScale;

/// <summary>Starts this bench again as <see cref="MiniClusterHost"/> and reads its stdout lines.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _target;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private HostProcess(Process process, int target)
    {
        _process = process;
        _target = target;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line) _lines.Writer.TryWrite(line);
            else _lines.Writer.TryComplete();
        };
        _process.BeginOutputReadLine();
    }

    public static HostProcess Start(int nodes, int target)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var psi = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        foreach (var a in new[] { "am-scale", MiniClusterHost.Flag, nodes.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        // The MiniCluster runs as it does in `yarndl minicluster`, not under the AM's JIT settings.
        foreach (var variable in AmRuntimeSettings.VariableNames.Append(AmRuntimeSettings.AppliedVariable))
            psi.Environment.Remove(variable);
        return new HostProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start the MiniCluster host"), target);
    }

    /// <summary>The rest of the first line starting with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForAsync(string prefix, CancellationToken ct)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..].Trim();
            if (!line.StartsWith("benchmark=", StringComparison.Ordinal)) await Console.Error.WriteLineAsync("minicluster host: " + line).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"the MiniCluster host exited (code {_process.ExitCode}) before printing '{prefix}'");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            // The host stops every container it started before it exits: give it time for thousands of them.
            var patience = TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(50) * _target;
            using var cts = new CancellationTokenSource(patience);
            try
            {
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Not Kill(entireProcessTree): it reads every process's stat file once per descendant, which with
                // 10,000 container processes runs for hours.
                await Console.Error.WriteLineAsync($"minicluster host: did not stop within {patience.TotalSeconds:F0} s; killed, its container processes may remain").ConfigureAwait(false);
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
