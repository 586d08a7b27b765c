using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace YarnDL.Testing.MiniCluster;

/// <summary>Plain HttpClient helpers for RM REST tests: raw JSON in, JsonNode out, no redirect following.</summary>
public static class RmHttp
{
    public static HttpClient Create(Uri baseUri) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (json is not null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var resp = await http.SendAsync(req).ConfigureAwait(false);
        var text = await resp.Content.ReadAsStringAsync().ConfigureAwait(false);
        JsonNode? body = null;
        if (resp.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0) body = JsonNode.Parse(text);
        return (resp.StatusCode, body, resp);
    }

    /// <summary>new-application then submit with <paramref name="submissionTemplate"/> where <c>$ID</c> is replaced by the new id.</summary>
    public static async Task<string> SubmitAsync(this HttpClient http, string submissionTemplate, string user = "alice")
    {
        var (status, body, _) = await http.SendAsync(HttpMethod.Post, $"ws/v1/cluster/apps/new-application?user.name={user}").ConfigureAwait(false);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"new-application answered {status}");
        var id = body!["application-id"]!.GetValue<string>();
        var (s2, _, _) = await http.SendAsync(HttpMethod.Post, $"ws/v1/cluster/apps?user.name={user}", submissionTemplate.Replace("$ID", id, StringComparison.Ordinal)).ConfigureAwait(false);
        if (s2 != HttpStatusCode.Accepted) throw new InvalidOperationException($"submit answered {s2}");
        return id;
    }
}
