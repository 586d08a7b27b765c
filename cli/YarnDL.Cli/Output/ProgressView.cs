using System.Globalization;
using YarnDL.Client.Tracking;

namespace YarnDL.Cli.Output;

/// <summary>Prints what changed between two AM status documents: waits, trial states with the epoch and metrics (at most a line per
/// epoch), task states and placements (a line when they change).</summary>
internal sealed class ProgressView(TextWriter output)
{
    private readonly Dictionary<string, string> _last = [];

    public async Task ShowAsync(AmStatus status)
    {
        await EmitAsync("waiting", status.Waiting is { } w ? "waiting: " + w : null).ConfigureAwait(false);
        foreach (var c in status.Clusters)
        {
            // One trial line per state change or epoch (the lead task's metrics then), not one per heartbeat.
            var hp = c.HyperParameters.Count == 0 ? "" : " " + string.Join(' ', c.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}"));
            var why = c.FailureReason is { } f ? " (" + f + ")" : "";
            var lead = c.Tasks.Where(t => t.Metrics.Count > 0).MaxBy(t => t.Step);
            var metrics = c.Metrics.Count > 0 ? c.Metrics : lead?.Metrics ?? [];
            // Heartbeats carry the epochs completed so far; the metrics are those of the last completed one.
            var epoch = lead is null ? "" : " epoch " + Math.Max(lead.Epoch, 1).ToString(CultureInfo.InvariantCulture);
            await EmitAsync("c/" + c.Id, $"{c.Id} {c.State}{hp}{epoch}{why}", $"{c.Id} {c.State}{hp}{epoch}{Metrics(metrics)}{why}").ConfigureAwait(false);
            foreach (var t in c.Tasks)
            {
                // A task line when its state, placement or exit changes; its progress is in the trial line.
                var host = t.Node ?? t.Address ?? "-";
                var exit = t.ExitReason is { } e ? " exit: " + e : "";
                await EmitAsync($"t/{c.Id}/{t.Role}/{t.Index}", $"  {c.Id} {t.Role}:{t.Index} {t.State} on {host}{exit}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The best trial, its hyper-parameters and accuracy (the line <c>.ci/smoke</c> reads is <c>accuracy: 0.xxxx</c>), from the last AM
    /// snapshot, else from the AM's final diagnostics in the RM report (<c>best trial ID val_accuracy=X {k=v}</c>).
    /// </summary>
    public static async Task SummaryAsync(TextWriter o, AmStatus? status, string? diagnostics, string applicationId, string? trackingUrl)
    {
        var best = status?.Best ?? status?.Clusters.Where(c => c.Metrics.ContainsKey("val_accuracy")).MaxBy(c => c.Metrics["val_accuracy"]);
        if (best is not null && Accuracy(best.Metrics) is { } acc)
        {
            var hp = best.HyperParameters.Count == 0 ? "(defaults)" : string.Join(' ', best.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}"));
            await o.WriteLineAsync($"best trial: {best.Id} {hp}").ConfigureAwait(false);
            await o.WriteLineAsync("accuracy: " + acc.ToString("0.0000", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        else if (FinalDiagnostics.TryParse(diagnostics) is { } d)
        {
            await o.WriteLineAsync($"best trial: {d.Trial} {d.HyperParameters}").ConfigureAwait(false);
            await o.WriteLineAsync("accuracy: " + d.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        await o.WriteLineAsync($"logs: yarndl logs {applicationId}").ConfigureAwait(false);
        if (trackingUrl is not null)
        {
            await o.WriteLineAsync("status page: " + trackingUrl).ConfigureAwait(false);
        }
    }

    private static double? Accuracy(Dictionary<string, double> m) =>
        m.TryGetValue("val_accuracy", out var v) ? v : m.TryGetValue("accuracy", out var a) ? a : null;

    private static string Metrics(Dictionary<string, double> m) =>
        string.Concat(m.Where(kv => kv.Key != "epoch").OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $" {kv.Key}={kv.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));

    private Task EmitAsync(string key, string? line) => EmitAsync(key, line, line);

    /// <summary>Prints <paramref name="line"/> when <paramref name="signature"/> differs from the last one printed under <paramref name="key"/>.</summary>
    private async Task EmitAsync(string key, string? signature, string? line)
    {
        if (signature is null || line is null || (_last.TryGetValue(key, out var old) && old == signature))
        {
            return;
        }

        _last[key] = signature;
        await output.WriteLineAsync(line).ConfigureAwait(false);
    }
}
