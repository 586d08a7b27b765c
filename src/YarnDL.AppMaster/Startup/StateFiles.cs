using YarnDL.AppMaster.State;
using YarnDL.WebHdfs;

namespace YarnDL.AppMaster.Startup;

/// <summary>Picks where the AM keeps its state: the staging directory, local or in HDFS (over WebHDFS).</summary>
internal static class StateFiles
{
    /// <summary>Null when there is no staging directory or it is on a file system the AM cannot write.</summary>
    public static IStateFiles? For(AmEnvironment env, Func<string, string?> hdfsSite, Func<string, string?> coreSite)
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

        var http = new HttpClient(new OriginCookieHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            Timeout = TimeSpan.FromMinutes(1),
        };
        return new HdfsStateFiles(new WebHdfsClient(http, NamenodeAddress.ResolveAll(uri, env.WebHdfsUrl, hdfsSite, coreSite), env.User), uri);
    }
}
