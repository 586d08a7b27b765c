using YarnDL.Cli;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Local;
using YarnDL.UnitTests.Rest;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.UnitTests.Cli;

/// <summary>Runs the yarndl command tree in-process against a scripted RM, capturing exit code, stdout and stderr.</summary>
internal sealed class CliFixture : IDisposable
{
    public CliFixture(ScriptedHandler? handler = null)
    {
        Handler = handler ?? new ScriptedHandler();
        StagingRoot = Directory.CreateTempSubdirectory("yarndl-cli-test-").FullName;
    }

    public ScriptedHandler Handler { get; }

    public string StagingRoot { get; }

    public ILocalClusterLauncher? Launcher { get; init; }

    /// <summary>The environment the CLI sees (none by default).</summary>
    public Func<string, string?> Env { get; init; } = _ => null;

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken ct, params string[] args)
    {
        var services = new CliServices
        {
            RmClientFactory = o => new RmRestClient(new HttpClient(Handler), o with { RetryDelay = TimeSpan.Zero, MaxRetries = 2, KillPollInterval = TimeSpan.Zero }),
            HttpClientFactory = () => new HttpClient(Handler),
            GetEnv = Env,
            UserName = "alice",
            LocalLauncher = Launcher,
            LocalStagingRoot = StagingRoot,
            PollInterval = TimeSpan.Zero,
        };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, services, stdout, stderr, ct);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(StagingRoot, recursive: true);
}

/// <summary>What one CLI run produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
