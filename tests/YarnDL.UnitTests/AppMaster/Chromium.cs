using System.Diagnostics;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>Headless Chromium (Debian's <c>chromium</c>; CI installs it in .ci/install-test-deps), when installed.</summary>
internal static class Chromium
{
    public static readonly string? Path = new[] { "chromium", "chromium-browser", "google-chrome" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => System.IO.Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs chromium headless on <paramref name="url"/> with <paramref name="mode"/> (<c>--dump-dom</c>, <c>--screenshot=FILE</c>); returns stdout.</summary>
    public static async Task<string> RunAsync(Uri url, string mode, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("yarndl-chromium-").FullName;
        var psi = new ProcessStartInfo(Path ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}", "--window-size=1280,900", mode, url.AbsoluteUri,
                 })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium {mode} did not finish within {timeout}: {await stderr}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        Assert.True(p.ExitCode == 0, $"chromium {mode} exited {p.ExitCode}: {await stderr}");
        return await stdout;
    }
}

/// <summary>A fact that is skipped, with the reason, where chromium is not installed; under CI (<c>CI</c> set) it runs and fails instead, since CI installs chromium.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "chromium is not installed (apt-get install -y chromium fonts-dejavu-core); CI installs it";
        }
    }
}
