using YarnDL.Client.AggregatedLogs;
using YarnDL.Client.Jobs;
using YarnDL.Cli.Hosting;
using YarnDL.WebHdfs;

namespace YarnDL.Cli.Commands;

/// <summary>
/// Reads an ended application's logs from YARN's aggregated files: the remote app log dir comes from <c>--log-dir</c>, else
/// yarn-site.xml under YARN_CONF_DIR/HADOOP_CONF_DIR (default <c>/tmp/logs</c> on <c>fs.defaultFS</c>); HDFS is read over
/// WebHDFS (<c>--webhdfs</c>, else $YARNDL_WEBHDFS, else hdfs-site/core-site), a <c>file://</c> directory directly.
/// </summary>
internal sealed class AggregatedLogLookup(CliServices services, string? logDir, string? webHdfs, string user)
{
    public async Task<AggregatedLogSearch> SearchAsync(string applicationId, string owner, CancellationToken ct)
    {
        var settings = AggregatedLogSettings.FromConfDir(services.GetEnv);
        if (logDir is { Length: > 0 })
        {
            settings = settings with { RemoteAppLogDir = logDir, Origin = "--log-dir" };
        }

        var root = settings.RootUri();
        var store = Store(root, settings);
        try
        {
            return await new AggregatedLogFinder(store, settings).FindAsync(applicationId, owner, ct).ConfigureAwait(false);
        }
        catch (AggregatedLogFormatException e)
        {
            throw new FormatException(e.Message + "; yarndl reads TFile aggregated logs only (yarn.log-aggregation.file-formats=TFile, compression none or gz)", e);
        }
    }

    private IAggregatedLogStore Store(Uri root, AggregatedLogSettings settings)
    {
        if (root.IsFile)
        {
            return new LocalAggregatedLogStore();
        }

        if (root.Scheme is not ("hdfs" or "webhdfs"))
        {
            throw new FormatException($"the remote app log dir {root} ({settings.Origin}) is on '{root.Scheme}', which yarndl reads only as hdfs://, "
                + "webhdfs:// or file://; pass --log-dir with a path it can read");
        }

        var explicitUrl = (webHdfs ?? services.GetEnv("YARNDL_WEBHDFS")) is { Length: > 0 } url ? RmUrl(url) : null;
        var nn = NamenodeAddress.Resolve(root, explicitUrl,
            k => k == "dfs.namenode.http-address" ? settings.NameNodeHttpAddress : null,
            k => k == "fs.defaultFS" ? settings.DefaultFs : null);
        return new WebHdfsAggregatedLogStore(new WebHdfsClient(services.HttpClientFactory(), nn, user));
    }

    private static Uri RmUrl(string url) => Yarn.Rest.Configuration.RmEndpointResolver.ParseUrl(url);

    /// <summary>The views as <c>--json</c> entries (the URL is the node's aggregated file).</summary>
    public static List<LogLocation> Locations(IEnumerable<AggregatedLogView> views) =>
        [.. views.Select(v => new LogLocation(v.Owner, v.ContainerId, v.File, v.Url, null, LogLocation.Aggregated))];
}
