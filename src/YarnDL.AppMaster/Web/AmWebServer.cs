using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Job;
using YarnDL.TaskProtocol;
using YarnDL.Tracking;

namespace YarnDL.AppMaster.Web;

/// <summary>Kestrel on an ephemeral port: the task API, the status JSON and the tracking page.</summary>
internal sealed class AmWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AmWebServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://host:port/</c> with the advertised host.</summary>
    public Uri BaseUrl { get; }

    public static async Task<AmWebServer> StartAsync(
        IPAddress bind, string advertisedHost, AmState state, SecretCheck secret, TimeProvider time, TimeSpan longPoll, ILoggerFactory logs, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logs);
        builder.WebHost.UseKestrel(k => k.Listen(bind, 0));
        var app = builder.Build();
        TaskApiEndpoints.Map(app, state, secret, time, longPoll);
        app.MapGet("/api/v1/status", () => Results.Json(StatusSnapshot.Take(state, time.GetUtcNow()), AmStatusJson.Default.AmStatus));
        app.MapGet("/", () => Results.Content(StatusPage.Render(state, time.GetUtcNow()), "text/html; charset=utf-8"));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new AmWebServer(app, new Uri($"http://{advertisedHost}:{port}/"));
    }

    public static Task<AmWebServer> StartAsync(AmState state, SecretCheck secret, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
        StartAsync(IPAddress.Loopback, "127.0.0.1", state, secret, time, TaskApi.RegisterLongPoll, logs, ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
