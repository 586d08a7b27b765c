using YarnDL.Cli.Local;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Configuration;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.Cli.Hosting;

/// <summary>What commands need from the outside world; tests replace the HTTP handler, clock and environment.</summary>
internal sealed record CliServices
{
    /// <summary>Creates the RM client for resolved options.</summary>
    public required Func<RmClientOptions, IRmRestClient> RmClientFactory { get; init; }

    /// <summary>HttpClient for WebHDFS (redirects off).</summary>
    public required Func<HttpClient> HttpClientFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment lookup (HADOOP_CONF_DIR, YARNDL_WEBHDFS, …).</summary>
    public Func<string, string?> GetEnv { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The OS user (default for simple auth).</summary>
    public string UserName { get; init; } = Environment.UserName;

    /// <summary>Launcher for <c>submit --local</c>; null: this yarndl cannot run a local cluster.</summary>
    public ILocalClusterLauncher? LocalLauncher { get; init; }

    /// <summary>Where yarndl runs from: the AM and trainer builds ship beside it in <c>am/</c> and <c>trainer/</c>.</summary>
    public string BaseDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Local staging root used without WebHDFS (default <c>~/.yarndl/staging</c>).</summary>
    public string LocalStagingRoot { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".yarndl", "staging");

    /// <summary>How long wait/status keep trying an RM that does not answer; null: from yarn-site.xml (Hadoop's defaults without one).</summary>
    public RmConnectPolicy? ConnectPolicy { get; init; }

    /// <summary>Rides out an RM restart or failover, saying so on <paramref name="err"/>.</summary>
    public Client.Jobs.RmRideThrough RideThrough(TextWriter err) =>
        new(ConnectPolicy ?? RmConnectPolicy.Resolve(GetEnv), Time, line => err.WriteLineAsync(line));

    /// <summary>Interval of status polling for <c>wait</c>/<c>--wait</c>/<c>--follow</c>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
