using System.Net;
using YarnDL.Yarn.Rest;

namespace YarnDL.Cli.Hosting;

/// <summary>Production wiring: one SocketsHttpHandler (redirects off, gzip, SPNEGO when asked).</summary>
internal static class DefaultServices
{
    public static CliServices Create()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip,
            Credentials = CredentialCache.DefaultCredentials,
        };
        HttpClient Http() => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        return new CliServices
        {
            RmClientFactory = o => new RmRestClient(Http(), o),
            HttpClientFactory = Http,
        };
    }
}
