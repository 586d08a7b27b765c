using System.Diagnostics;

namespace YarnDL.IntegrationTests.Training;

/// <summary>Runs the built trainer (src/YarnDL.Trainer/bin/…/YarnDL.Trainer.dll) as a real process.</summary>
internal static class TrainerProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string Dll
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "YarnDL.Trainer", "bin", config, "net10.0", "YarnDL.Trainer.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("YarnDL.Trainer.dll not built");
        }
    }

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var name in new[] { "TF_CONFIG", "RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "YARNDL_AM_URL", "YARNDL_TEST_FAULTS", "YARNDL_CHECKPOINT_DIR", "YARNDL_TRAINER", "YARNDL_HPARAMS" })
        {
            psi.Environment.Remove(name);
        }

        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"trainer did not exit within 120 s: {await stdout}");
        }

        return new Outcome(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>A loopback port that was free a moment ago (the trainers bind it themselves).</summary>
    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
