using System.Net.Http.Json;
using System.Text.Json;
using YarnDL.Tracking;

namespace YarnDL.Client.Tracking;

/// <summary>Reads the AM's status document from the tracking URL of the RM app report (null when the AM is not reachable or not ours).</summary>
public sealed class AmStatusReader(HttpClient http)
{
    /// <summary>Per-request limit: a slow AM must not stall the progress view.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public static Uri StatusUri(string trackingUrl) => new(new Uri(trackingUrl.EndsWith('/') ? trackingUrl : trackingUrl + "/"), "api/v1/status");

    public async Task<AmStatus?> TryGetAsync(string? trackingUrl, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(trackingUrl) || !Uri.TryCreate(trackingUrl, UriKind.Absolute, out _))
        {
            return null;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.GetAsync(StatusUri(trackingUrl), cts.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync(AmStatusJson.Default.AmStatus, cts.Token).ConfigureAwait(false)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
