using System.Globalization;
using YarnDL.Tracking;

namespace YarnDL.Cli.Output;

/// <summary>Prints what changed between two AM status documents: waits, trial states with the epoch and metrics (at most a line per
/// epoch), task states and placements (a line when they change); each trial's terminal state exactly once, from the live
/// document while the AM runs, else from the AM's final result.</summary>
internal sealed class ProgressView(TextWriter output)
{
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal) { "SUCCEEDED", "FAILED", "EARLYSTOPPED", "KILLED" };
    private readonly Dictionary<string, string> _last = [];
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);

    public async Task ShowAsync(AmStatus status)
    {
        // A later AM attempt (the previous AM ended) is said once per attempt.
        await EmitAsync("attempt", status.Attempt > 1 ? $"AM attempt {status.Attempt} took over (the previous AM ended; running tasks are re-adopted)" : null).ConfigureAwait(false);
        await EmitAsync("waiting", status.Waiting is { } w ? "waiting: " + w : null).ConfigureAwait(false);
        foreach (var c in status.Clusters)
        {
            var why = c.FailureReason is { } f ? " (" + f + ")" : "";
            await EmitAsync("r/" + c.Id, c.RestartReason is { } rr ? $"{c.Id} restart (generation {c.Generation}): {rr}" : null).ConfigureAwait(false);
            if (Terminal.Contains(c.State))
            {
                // The trial's own final metrics and the last epoch it reached, once.
                var last = c.Metrics.TryGetValue("epochs", out var done) ? (int)done : c.Tasks.Any(t => t.Step > 0) ? c.Tasks.Max(t => t.Epoch) + 1 : 0;
                await EndedAsync(c.Id, c.State, Params(c.HyperParameters), last, c.Metrics, why).ConfigureAwait(false);
            }
            else
            {
                // One trial line per state change or epoch (the lead task's metrics then), not one per heartbeat.
                var hp = c.HyperParameters.Count == 0 ? "" : " " + Params(c.HyperParameters);
                var lead = c.Tasks.Where(t => t.Metrics.Count > 0).MaxBy(t => t.Step);
                var metrics = c.Metrics.Count > 0 ? c.Metrics : lead?.Metrics ?? new Dictionary<string, double>();
                // Heartbeats carry the epochs completed so far; the metrics are those of the last completed one.
                var epoch = lead is null ? "" : " epoch " + Math.Max(lead.Epoch, 1).ToString(CultureInfo.InvariantCulture);
                await EmitAsync("c/" + c.Id, $"{c.Id} {c.State}{hp}{epoch}{why}", $"{c.Id} {c.State}{hp}{epoch}{Metrics(metrics)}{why}").ConfigureAwait(false);
            }

            foreach (var t in c.Tasks)
            {
                // A task line when its state, placement or exit changes; its progress is in the trial line. A task that reported
                // its result has finished (SUCCEEDED, exit code 0) while its container may still be ending; that end follows once.
                var host = t.Node ?? t.Address ?? "-";
                var exit = t.ExitReason is { } e ? " exit: " + e : "";
                await EmitAsync($"t/{c.Id}/{t.Role}/{t.Index}", $"  {c.Id} {t.Role}:{t.Index} {AmStatusText.TaskStateAndResult(t)} on {host}{exit}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The terminal line of every trial the live view has not ended yet, from the AM's final result.</summary>
    public async Task ShowFinalAsync(FinalResult result)
    {
        foreach (var t in result.Trials)
        {
            await EndedAsync(t.Id, t.State, t.HyperParameters, t.Epoch, t.Metrics, "").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The best trial, its hyper-parameters and accuracy (the line <c>.ci/smoke</c> reads is <c>accuracy: 0.xxxx</c>) from the AM's
    /// final result in the RM report; the last AM status document read (at <paramref name="statusReadAt"/>) only when the
    /// diagnostics carry no result (an AM that never finished), and then said to be a snapshot of an AM that has ended.
    /// </summary>
    public static async Task SummaryAsync(TextWriter o, AmStatus? status, string? diagnostics, string applicationId, string? trackingUrl, bool logsHint = true, DateTimeOffset? statusReadAt = null)
    {
        if (FinalResult.TryParse(diagnostics) is { BestTrial: { } trial } r)
        {
            var metrics = r.Trials.FirstOrDefault(t => t.Id == trial)?.Metrics;
            var acc = metrics is null ? r.Accuracy : Accuracy(metrics) ?? r.Accuracy;
            await o.WriteLineAsync($"best trial: {trial} {(string.IsNullOrEmpty(r.HyperParameters) ? "(defaults)" : r.HyperParameters)}").ConfigureAwait(false);
            await o.WriteLineAsync(acc is { } a ? "accuracy: " + a.ToString("0.0000", CultureInfo.InvariantCulture)
                : $"{r.Metric}: {r.Value?.ToString("G6", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        }
        else if ((status?.Best ?? status?.Clusters.Where(c => c.Metrics.ContainsKey("val_accuracy")).MaxBy(c => c.Metrics["val_accuracy"])) is { } best
            && Accuracy(best.Metrics) is { } acc)
        {
            await o.WriteLineAsync(AmSnapshot.Of(statusReadAt, AmSnapshot.SourceLastStatus).Line()).ConfigureAwait(false);
            await o.WriteLineAsync($"best trial: {best.Id} {(best.HyperParameters.Count == 0 ? "(defaults)" : Params(best.HyperParameters))}").ConfigureAwait(false);
            await o.WriteLineAsync("accuracy: " + acc.ToString("0.0000", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        if (logsHint)
        {
            await o.WriteLineAsync($"logs: yarndl logs {applicationId}").ConfigureAwait(false);
        }

        if (trackingUrl is not null)
        {
            await o.WriteLineAsync("status page: " + trackingUrl).ConfigureAwait(false);
        }
    }

    private async Task EndedAsync(string id, string state, string hp, int epoch, IReadOnlyDictionary<string, double> metrics, string why)
    {
        if (_ended.Add(id))
        {
            var at = epoch > 0 ? " epoch " + epoch.ToString(CultureInfo.InvariantCulture) : "";
            await output.WriteLineAsync($"{id} {state}{(hp.Length == 0 ? "" : " " + hp)}{at}{Metrics(metrics)}{why}").ConfigureAwait(false);
        }
    }

    private static string Params(IReadOnlyDictionary<string, string> hp) => string.Join(' ', hp.Select(kv => $"{kv.Key}={kv.Value}"));

    private static double? Accuracy(IReadOnlyDictionary<string, double> m) =>
        m.TryGetValue("val_accuracy", out var v) ? v : m.TryGetValue("accuracy", out var a) ? a : null;

    private static string Metrics(IReadOnlyDictionary<string, double> m) =>
        string.Concat(m.Where(kv => kv.Key is not ("epoch" or "epochs")).OrderBy(kv => kv.Key, StringComparer.Ordinal)
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
