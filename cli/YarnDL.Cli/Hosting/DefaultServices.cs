using System.Net;
using YarnDL.Cli.Local;
using YarnDL.Yarn.Rest;

namespace YarnDL.Cli.Hosting;

/// <summary>Production wiring: one SocketsHttpHandler (redirects off, gzip), which answers a Negotiate challenge from the
/// Kerberos ticket cache whenever a server sends one, as Hadoop's own clients do (<c>--kerberos</c> only drops
/// <c>user.name</c>).</summary>
internal static class DefaultServices
{
    public static CliServices Create()
    {
        // Lazy: `yarndl --help` must not pay for loading the HTTP stack.
        var handler = new Lazy<SocketsHttpHandler>(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip,
            Credentials = CredentialCache.DefaultCredentials,
        });
        HttpClient Http() => new(handler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        return new CliServices
        {
            RmClientFactory = o => new RmRestClient(Http(), o),
            HttpClientFactory = Http,
            LocalLauncher = new MiniClusterLauncher(AppContext.BaseDirectory, Console.Error),
        };
    }
}
