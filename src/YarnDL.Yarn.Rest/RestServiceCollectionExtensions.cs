using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.Yarn.Rest;

/// <summary>Registers the RM client on IHttpClientFactory (redirects off: 307s are handled by the client).</summary>
public static class RestServiceCollectionExtensions
{
    public static IServiceCollection AddYarnRestClient(this IServiceCollection services, RmClientOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(RmClientDefaults.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip,
                // A Negotiate challenge is answered from the Kerberos ticket cache whenever an RM sends one, as Hadoop's
                // clients do (and yarndl's own handler); UseSpnego only decides that no user.name goes along.
                Credentials = CredentialCache.DefaultCredentials,
                ConnectTimeout = options.AttemptTimeout,
            });
        services.AddSingleton<IRmRestClient>(sp => new RmRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(RmClientDefaults.HttpClientName),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<RmRestClient>>()));
        return services;
    }
}
