using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.Yarn.Rest.Http;

/// <summary>
/// Sends one logical RM call: auth, per-attempt and total timeouts, jittered retries, and HA failover
/// (connection error or "no active RM" → next rm-id; standby 307 → its Location). Requests are re-sent
/// sequentially, never hedged, so a POST reaches at most one RM at a time.
/// </summary>
internal sealed partial class RmTransport
{
    private readonly HttpClient _http;
    private readonly RmClientOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly List<Uri> _endpoints;
    private int _active;

    public RmTransport(HttpClient http, RmClientOptions options, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _http = http;
        _options = options;
        _logger = logger;
        _endpoints = options.Endpoints.Select(WithSlash).ToList();
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                OnRetry = args =>
                {
                    if (NeedsFailover(args.Outcome))
                    {
                        Failover();
                    }

                    LogRetry(args.AttemptNumber, args.Outcome.Exception?.Message ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The RM currently believed active.</summary>
    public Uri Active => _endpoints[_active];

    public IReadOnlyList<Uri> Endpoints => _endpoints;

    /// <summary>Sends <paramref name="method"/> to <paramref name="pathAndQuery"/> (relative, e.g. <c>ws/v1/cluster/apps</c>).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, Func<HttpContent?>? content, CancellationToken ct)
    {
        var tried = new List<Uri>();
        Outcome<HttpResponseMessage> outcome;
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync(method, pathAndQuery, content, tried, token).ConfigureAwait(false), ct).ConfigureAwait(false);
            outcome = Outcome.FromResult(response);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException or System.Net.Sockets.SocketException && !ct.IsCancellationRequested)
        {
            // A connection the RM (or a proxy in front of it) drops mid-answer surfaces as an IOException or SocketException.
            throw new RmUnavailableException(tried.Distinct().ToList(), e.Message, e);
        }

        var r = outcome.Result!;
        if (IsNoActive(r))
        {
            r.Dispose();
            throw new RmUnavailableException(tried.Distinct().ToList(), "standby ResourceManager(s) report no active RM");
        }

        return r;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string pathAndQuery, Func<HttpContent?>? content, List<Uri> tried, CancellationToken ct)
    {
        var target = new Uri(Active, pathAndQuery);
        for (var hop = 0; ; hop++)
        {
            tried.Add(new Uri(target.GetLeftPart(UriPartial.Authority)));
            using var request = Build(method, target, content?.Invoke());
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TemporaryRedirect || response.Headers.Location is not { } location || hop >= 2)
            {
                return response;
            }

            response.Dispose();
            target = location.IsAbsoluteUri ? location : new Uri(target, location);
            MarkActive(new Uri(target.GetLeftPart(UriPartial.Authority)));
            LogRedirect(target.Authority);
        }
    }

    private HttpRequestMessage Build(HttpMethod method, Uri target, HttpContent? content)
    {
        var uri = target;
        if (_options.User is { Length: > 0 } user && !target.Query.Contains("user.name=", StringComparison.Ordinal))
        {
            var sep = string.IsNullOrEmpty(target.Query) ? "?" : "&";
            uri = new Uri(target + sep + "user.name=" + Uri.EscapeDataString(user));
        }

        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_options.DelegationToken is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation(RmClientDefaults.DelegationTokenHeader, token);
        }

        if (method != HttpMethod.Get)
        {
            request.Headers.TryAddWithoutValidation("X-XSRF-Header", string.Empty);
        }

        return request;
    }

    /// <summary>Makes <paramref name="baseUri"/> the active RM (adding it when it was not configured).</summary>
    public void MarkActive(Uri baseUri)
    {
        var b = WithSlash(baseUri);
        var i = _endpoints.FindIndex(e => Uri.Compare(e, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
        if (i < 0)
        {
            _endpoints.Add(b);
            i = _endpoints.Count - 1;
        }

        _active = i;
    }

    private void Failover()
    {
        if (_endpoints.Count > 1)
        {
            _active = (_active + 1) % _endpoints.Count;
            LogFailover(Active.Authority);
        }
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> o) =>
        o.Exception is HttpRequestException or TimeoutRejectedException
        || (o.Result is { } r && ((int)r.StatusCode >= 500 || IsNoActive(r)));

    private static bool NeedsFailover(Outcome<HttpResponseMessage> o) =>
        o.Exception is HttpRequestException or TimeoutRejectedException || (o.Result is { } r && IsNoActive(r));

    /// <summary>A standby without a known active: 307 without Location, or 200 text/plain.</summary>
    private static bool IsNoActive(HttpResponseMessage r) =>
        (r.StatusCode == HttpStatusCode.TemporaryRedirect && r.Headers.Location is null)
        || (r.StatusCode == HttpStatusCode.OK && r.Content.Headers.ContentType?.MediaType == "text/plain");

    private static Uri WithSlash(Uri u) => u.AbsoluteUri.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");

    [LoggerMessage(Level = LogLevel.Debug, Message = "RM call retry #{Attempt} after {Reason}")]
    private partial void LogRetry(int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "failing over to ResourceManager {Authority}")]
    private partial void LogFailover(string authority);

    [LoggerMessage(Level = LogLevel.Information, Message = "standby ResourceManager redirected to {Authority}")]
    private partial void LogRedirect(string authority);
}
