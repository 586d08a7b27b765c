using System.Net;
using YarnDL.Cli.Local;
using YarnDL.Yarn.Rest;

namespace YarnDL.Cli.Hosting;

/// <summary>Production wiring: one SocketsHttpHandler (redirects off, gzip), which answers a Negotiate challenge from the
/// Kerberos ticket cache whenever a server sends one, as Hadoop's own clients do (<c>--kerberos</c> only drops
/// <c>user.name</c>), with cookies kept per origin.</summary>
internal static class DefaultServices
{
    public static CliServices Create()
    {
        // Lazy: `yarndl --help` must not pay for loading the HTTP stack.
        // Cookies (hadoop.auth) are kept per origin, not per host: the RM, NameNode and DataNodes on one host each sign their own.
        var handler = new Lazy<HttpMessageHandler>(() => new WebHdfs.OriginCookieHandler(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip,
            Credentials = CredentialCache.DefaultCredentials,
            UseCookies = false,
        }));
        HttpClient Http() => new(handler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        return new CliServices
        {
            RmClientFactory = o => new RmRestClient(Http(), o),
            HttpClientFactory = Http,
            LocalLauncher = new MiniClusterLauncher(AppContext.BaseDirectory, Console.Error),
        };
    }
}
