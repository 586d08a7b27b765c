using System.Net;
using YarnDL.Cli.Local;
using YarnDL.Yarn.Rest;

namespace YarnDL.Cli.Hosting;

/// <summary>Production wiring: one SocketsHttpHandler (redirects off, gzip, SPNEGO when asked).</summary>
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
