using System.Net;
using System.Text;
using YarnDL.Client.Jobs;

namespace YarnDL.Cli.Commands;

/// <summary>Fetches log files from NodeManagers, keeping the log itself (no NM header or footer) and noting each miss.</summary>
internal static class NodeManagerLogs
{
    public static async Task<List<(LogLocation Log, string Text)>> FetchAsync(HttpClient http, IReadOnlyList<LogLocation> logs, List<string> tried, CancellationToken ct)
    {
        var served = new List<(LogLocation, string)>();
        foreach (var log in logs)
        {
            try
            {
                using var response = await http.GetAsync(log.Url, ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    served.Add((log, Encoding.UTF8.GetString(NmLogText.Strip(bytes))));
                    continue;
                }

                tried.Add($"NodeManager: {log.Url} (HTTP {(int)response.StatusCode})");
            }
            catch (HttpRequestException e)
            {
                tried.Add($"NodeManager: {log.Url} (unreachable: {e.Message})");
            }
        }

        return served;
    }
}
