using YarnDL.Testing.Processes;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>Runs the built CLI (cli/YarnDL.Cli/bin/&lt;cfg&gt;/net10.0/yarndl.dll) as a real process.</summary>
internal static class Yarndl
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("repository root (YarnDL.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Dll
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(RepoRoot, "cli", "YarnDL.Cli", "bin", config, "net10.0", "yarndl.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("yarndl not built", path);
        }
    }

    /// <summary>Starts <c>dotnet yarndl.dll args</c> (no HADOOP_CONF_DIR from the caller's environment).</summary>
    public static ProcessRunner Start(params string[] args) =>
        ProcessRunner.Start("dotnet", [Dll, .. args], new Dictionary<string, string> { ["HADOOP_CONF_DIR"] = "/nonexistent", ["YARN_CONF_DIR"] = "/nonexistent" });

    /// <summary>Runs to the end (deadline <paramref name="timeout"/>) and returns exit code and output (stdout and stderr interleaved in both).</summary>
    public static async Task<Outcome> RunAsync(TimeSpan timeout, params string[] args)
    {
        await using var p = Start(args);
        var code = await p.WaitForExitAsync(timeout);
        var text = string.Join('\n', p.Lines);
        return new Outcome(code, text, text);
    }
}
