using System.Net;
using System.Text;

namespace YarnDL.UnitTests.Rest;

/// <summary>Answers requests with a script keyed by host and path; records every request (with its body).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, HttpResponseMessage?>> _rules = [];

    public List<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = [];

    /// <summary>Adds a rule; the first rule returning non-null answers. Throwing rules simulate connection errors.</summary>
    public ScriptedHandler On(Func<HttpRequestMessage, HttpResponseMessage?> rule)
    {
        _rules.Add(rule);
        return this;
    }

    public ScriptedHandler On(string hostPort, string pathStartsWith, Func<HttpResponseMessage> response, HttpMethod? method = null) =>
        On(r => r.RequestUri!.Authority == hostPort && r.RequestUri.AbsolutePath.StartsWith(pathStartsWith, StringComparison.Ordinal)
                && (method is null || r.Method == method) ? response() : null);

    /// <summary>Every request to <paramref name="hostPort"/> fails as if the port were closed.</summary>
    public ScriptedHandler Refuse(string hostPort) =>
        On(r => r.RequestUri!.Authority == hostPort ? throw new HttpRequestException("Connection refused (" + hostPort + ")") : null);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, body));
        foreach (var rule in _rules)
        {
            if (rule(request) is { } response)
            {
                response.RequestMessage = request;
                return response;
            }
        }

        return Text(HttpStatusCode.NotFound, "no script for " + request.RequestUri);
    }
}
