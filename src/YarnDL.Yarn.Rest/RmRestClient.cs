using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.Yarn.Rest.Apps;
using YarnDL.Yarn.Rest.Cluster;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Http;
using YarnDL.Yarn.Rest.Json;
using YarnDL.Yarn.Rest.Nm;
using YarnDL.Yarn.Rest.Nodes;
using YarnDL.Yarn.Rest.Resources;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Yarn.Rest;

/// <summary>Typed client of the ResourceManager REST API (<c>/ws/v1/cluster</c>) with HA failover.</summary>
public sealed class RmRestClient : IRmRestClient
{
    private const string Base = "ws/v1/cluster";
    private readonly RmTransport _transport;
    private readonly HttpClient _http;
    private readonly RmClientOptions _options;
    private readonly TimeProvider _time;
    private bool _probed;

    public RmRestClient(HttpClient http, RmClientOptions options, TimeProvider? time = null, ILogger<RmRestClient>? logger = null)
    {
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _transport = new RmTransport(http, options, _time, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    public Uri ActiveEndpoint => _transport.Active;

    /// <inheritdoc />
    public async Task<ClusterInfo> GetClusterInfoAsync(CancellationToken ct = default) =>
        (await GetAsync($"{Base}/info", RestJsonContext.Default.ClusterInfoEnvelope, "cluster info", ct).ConfigureAwait(false)).ClusterInfo
        ?? throw new YarnRestException("cluster info: response without clusterInfo");

    /// <inheritdoc />
    public async Task<ClusterMetrics> GetClusterMetricsAsync(CancellationToken ct = default) =>
        (await GetAsync($"{Base}/metrics", RestJsonContext.Default.ClusterMetricsEnvelope, "cluster metrics", ct).ConfigureAwait(false)).ClusterMetrics
        ?? throw new YarnRestException("cluster metrics: response without clusterMetrics");

    /// <inheritdoc />
    public async Task<NewApplication> NewApplicationAsync(CancellationToken ct = default)
    {
        await ProbeActiveAsync(ct).ConfigureAwait(false);
        using var r = await _transport.SendAsync(HttpMethod.Post, $"{Base}/apps/new-application", null, ct).ConfigureAwait(false);
        return await ReadAsync(r, RestJsonContext.Default.NewApplication, "new-application", ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SubmitApplicationAsync(ApplicationSubmissionContext context, CancellationToken ct = default)
    {
        await ProbeActiveAsync(ct).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(context, RestJsonContext.Default.ApplicationSubmissionContext);
        using var r = await _transport.SendAsync(HttpMethod.Post, $"{Base}/apps",
            () => new StringContent(json, Encoding.UTF8, "application/json"), ct).ConfigureAwait(false);
        if (r.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw await RestErrors.FromResponseAsync(r, $"submit {context.ApplicationId}", ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<AppReport> GetApplicationAsync(string applicationId, CancellationToken ct = default) =>
        (await GetAsync($"{Base}/apps/{Uri.EscapeDataString(applicationId)}", RestJsonContext.Default.AppEnvelope, $"application {applicationId}", ct).ConfigureAwait(false)).App
        ?? throw new YarnRestException($"application {applicationId}: response without app");

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppReport>> ListApplicationsAsync(AppsQuery query, CancellationToken ct = default) =>
        (await GetAsync($"{Base}/apps?{query.ToQueryString()}", RestJsonContext.Default.AppsEnvelope, "list applications", ct).ConfigureAwait(false)).Apps?.App ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppAttempt>> GetAppAttemptsAsync(string applicationId, CancellationToken ct = default) =>
        (await GetAsync($"{Base}/apps/{Uri.EscapeDataString(applicationId)}/appattempts", RestJsonContext.Default.AppAttemptsEnvelope, $"attempts of {applicationId}", ct).ConfigureAwait(false))
            .AppAttempts?.AppAttempt ?? [];

    /// <inheritdoc />
    public async Task<string> KillApplicationAsync(string applicationId, string? diagnostics, int maxPolls = 30, CancellationToken ct = default)
    {
        var body = JsonSerializer.Serialize(new AppStateBody { State = "KILLED", Diagnostics = diagnostics }, RestJsonContext.Default.AppStateBody);
        for (var poll = 0; ; poll++)
        {
            using var r = await _transport.SendAsync(HttpMethod.Put, $"{Base}/apps/{Uri.EscapeDataString(applicationId)}/state",
                () => new StringContent(body, Encoding.UTF8, "application/json"), ct).ConfigureAwait(false);
            if (r.StatusCode == HttpStatusCode.OK)
            {
                return (await ReadAsync(r, RestJsonContext.Default.AppStateBody, $"kill {applicationId}", ct).ConfigureAwait(false)).State ?? "KILLED";
            }

            if (r.StatusCode != HttpStatusCode.Accepted)
            {
                throw await RestErrors.FromResponseAsync(r, $"kill {applicationId}", ct).ConfigureAwait(false);
            }

            if (poll >= maxPolls)
            {
                return (await ReadAsync(r, RestJsonContext.Default.AppStateBody, $"kill {applicationId}", ct).ConfigureAwait(false)).State ?? "KILLING";
            }

            await Task.Delay(_options.KillPollInterval, _time, ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeReport>> GetNodesAsync(string? states = null, CancellationToken ct = default) =>
        (await GetAsync($"{Base}/nodes" + (states is null ? string.Empty : "?states=" + Uri.EscapeDataString(states)), RestJsonContext.Default.NodesEnvelope, "nodes", ct).ConfigureAwait(false))
            .Nodes?.Node ?? [];

    /// <inheritdoc />
    public async Task<ResourceInfo?> GetMaximumAllocationAsync(string? queue, CancellationToken ct = default)
    {
        using var r = await _transport.SendAsync(HttpMethod.Get, $"{Base}/scheduler", null, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(r, "scheduler", ct).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(await r.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
        return SchedulerMaximumAllocation.Parse(doc, queue);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetQueueNamesAsync(CancellationToken ct = default)
    {
        using var r = await _transport.SendAsync(HttpMethod.Get, $"{Base}/scheduler", null, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(r, "scheduler", ct).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(await r.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
        return SchedulerQueues.Parse(doc);
    }

    /// <inheritdoc />
    public async Task<NmGpuInfo> GetNodeGpuInfoAsync(string nodeHttpAddress, CancellationToken ct = default)
    {
        var scheme = _transport.Active.Scheme;
        var uri = new Uri($"{scheme}://{nodeHttpAddress}/ws/v1/node/resources/yarn.io%2Fgpu");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/json");
        using var r = await _http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(r, $"GPU info of {nodeHttpAddress}", ct).ConfigureAwait(false);
        var text = await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var wrapped = JsonSerializer.Deserialize(text, RestJsonContext.Default.NmGpuInfoEnvelope);
        return wrapped?.Info ?? JsonSerializer.Deserialize(text, RestJsonContext.Default.NmGpuInfo) ?? new NmGpuInfo();
    }

    /// <summary>With several RMs, finds the active one once via <c>cluster/info</c> (answered by standbys too).</summary>
    private async Task ProbeActiveAsync(CancellationToken ct)
    {
        if (_probed || _transport.Endpoints.Count < 2)
        {
            return;
        }

        _probed = true;
        foreach (var endpoint in _transport.Endpoints.ToList())
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, $"{Base}/info"));
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                cts.CancelAfter(_options.AttemptTimeout);
                using var r = await _http.SendAsync(request, cts.Token).ConfigureAwait(false);
                if (r.IsSuccessStatusCode
                    && JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), RestJsonContext.Default.ClusterInfoEnvelope)?.ClusterInfo is { IsActive: true })
                {
                    _transport.MarkActive(endpoint);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException && !ct.IsCancellationRequested)
            {
                // not reachable or not JSON: try the next one; the transport fails over anyway
            }
        }
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> info, string what, CancellationToken ct)
    {
        using var r = await _transport.SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false);
        return await ReadAsync(r, info, what, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage r, JsonTypeInfo<T> info, string what, CancellationToken ct)
    {
        await EnsureSuccessAsync(r, what, ct).ConfigureAwait(false);
        try
        {
            return await JsonSerializer.DeserializeAsync(await r.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), info, ct).ConfigureAwait(false)
                ?? throw new RmBadResponseException(Where(r), r.StatusCode, r.Content.Headers.ContentType?.MediaType, what);
        }
        catch (JsonException e)
        {
            throw new RmBadResponseException(Where(r), r.StatusCode, r.Content.Headers.ContentType?.MediaType, what, e);
        }
    }

    /// <summary>The URL that answered, without its query (it can carry user.name).</summary>
    private static Uri Where(HttpResponseMessage r) =>
        r.RequestMessage?.RequestUri is { } u ? new Uri(u.GetLeftPart(UriPartial.Path)) : new Uri("http://unknown/");

    private static async Task EnsureSuccessAsync(HttpResponseMessage r, string what, CancellationToken ct)
    {
        if (!r.IsSuccessStatusCode)
        {
            throw await RestErrors.FromResponseAsync(r, what, ct).ConfigureAwait(false);
        }
    }
}
