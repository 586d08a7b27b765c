using YarnDL.AppMaster.State;
using YarnDL.WebHdfs;

namespace YarnDL.AppMaster.Startup;

/// <summary>Picks where the AM keeps its state: the staging directory, local or in HDFS (over WebHDFS).</summary>
internal static class StateFiles
{
    public const int DefaultNamenodeHttpPort = 9870;

    /// <summary>Null when there is no staging directory or it is on a file system the AM cannot write.</summary>
    public static IStateFiles? For(AmEnvironment env, Func<string, string?> hdfsSite)
    {
        if (env.StagingDir is not { Length: > 0 } staging)
        {
            return null;
        }

        if (!staging.Contains("://", StringComparison.Ordinal))
        {
            return new LocalStateFiles(staging);
        }

        var uri = new Uri(staging);
        if (uri.Scheme is not ("hdfs" or "webhdfs"))
        {
            return null;
        }

        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(1) };
        return new HdfsStateFiles(new WebHdfsClient(http, NamenodeHttp(uri, env.WebHdfsUrl, hdfsSite), env.User), uri);
    }

    /// <summary>YARNDL_WEBHDFS_URL, else dfs.namenode.http-address (a wildcard host replaced by the URI's), else a webhdfs:// URI's
    /// own authority, else the URI's host on <see cref="DefaultNamenodeHttpPort"/>.</summary>
    public static Uri NamenodeHttp(Uri location, Uri? explicitUrl, Func<string, string?> hdfsSite)
    {
        if (explicitUrl is not null)
        {
            return explicitUrl;
        }

        if (location.Scheme == "webhdfs")
        {
            return new Uri($"http://{location.Authority}");
        }

        if (hdfsSite("dfs.namenode.http-address") is { Length: > 0 } address)
        {
            return new Uri($"http://{(address.StartsWith("0.0.0.0:", StringComparison.Ordinal) ? location.Host + address[7..] : address)}");
        }

        return new Uri($"http://{location.Host}:{DefaultNamenodeHttpPort}");
    }
}
