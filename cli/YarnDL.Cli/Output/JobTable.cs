using System.Globalization;
using YarnDL.Tracking;

namespace YarnDL.Cli.Output;

/// <summary><c>yarndl status</c>'s view of the AM's status document: one line per trial (state, epoch X of N, ETA, metrics),
/// then one row per task with the newest checkpoint it reported; the figures worded as the tracking page words them
/// (<see cref="AmStatusText"/>).</summary>
internal static class JobTable
{
    public static async Task WriteAsync(TextWriter o, AmStatus s)
    {
        await o.WriteLineAsync().ConfigureAwait(false);
        await o.WriteLineAsync($"job          {s.Job} {s.State}" + (s.Waiting is { } w ? $" (waiting: {w})" : string.Empty)).ConfigureAwait(false);
        if (s.BestCluster is { } best)
        {
            await o.WriteLineAsync($"best trial   {best}").ConfigureAwait(false);
        }

        foreach (var c in s.Clusters)
        {
            var hp = c.HyperParameters.Count == 0 ? string.Empty : " " + string.Join(' ', c.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}"));
            var why = c.FailureReason is { } f ? $" ({f})" : string.Empty;
            var epoch = AmStatusText.Epoch(c) is { Length: > 0 } e ? " epoch " + e : string.Empty;
            var eta = AmStatusText.Eta(c) is { Length: > 0 } left ? " eta " + left : string.Empty;
            await o.WriteLineAsync($"{c.Id,-12} {c.State}{hp}{epoch}{eta}{Metrics(c.Metrics)} restarts={c.Restarts}{why}").ConfigureAwait(false);
        }

        var rows = s.Clusters.SelectMany(c => c.Tasks.Select(t => (Cluster: c.Id, Task: t))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await o.WriteLineAsync().ConfigureAwait(false);
        await o.WriteLineAsync($"{"TRIAL",-12} {"ROLE",-10} {"INDEX",5} {"HOST",-22} {"STATE",-10} {"EXIT",-20} {"METRICS",-30} {"CHECKPOINT",-32} LOG").ConfigureAwait(false);
        foreach (var (cluster, t) in rows)
        {
            var metrics = Metrics(t.Metrics).Trim();
            var checkpoint = AmStatusText.Checkpoint(t) is { } cp ? $"{cp.Where}, {cp.Age}" : "-";
            await o.WriteLineAsync(
                $"{cluster,-12} {t.Role,-10} {t.Index,5} {t.Node ?? t.Address ?? "-",-22} {AmStatusText.TaskState(t),-10} {AmStatusText.TaskExit(t) ?? "-",-20} {(metrics.Length == 0 ? "-" : metrics),-30} {checkpoint,-32} {t.LogUrl ?? "-"}")
                .ConfigureAwait(false);
        }
    }

    /// <summary>The job as the AM left it once it has ended: the snapshot line (from when), the best trial and every trial's
    /// terminal state, epoch and metrics from the AM's final result.</summary>
    public static async Task WriteFinalAsync(TextWriter o, FinalResult r, AmSnapshot snapshot)
    {
        await o.WriteLineAsync().ConfigureAwait(false);
        await o.WriteLineAsync(snapshot.Line()).ConfigureAwait(false);
        if (r.BestTrial is { } best)
        {
            var value = r.Value?.ToString("0.####", CultureInfo.InvariantCulture);
            await o.WriteLineAsync($"best trial   {best} {r.Metric}={value}{(string.IsNullOrEmpty(r.HyperParameters) ? "" : " " + r.HyperParameters)}").ConfigureAwait(false);
        }

        foreach (var t in r.Trials)
        {
            var epoch = t.Epoch > 0 ? " epoch " + t.Epoch.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var hp = string.IsNullOrEmpty(t.HyperParameters) ? string.Empty : " " + t.HyperParameters;
            await o.WriteLineAsync($"{t.Id,-12} {t.State}{hp}{epoch}{Metrics(t.Metrics)}").ConfigureAwait(false);
        }
    }

    private static string Metrics(IReadOnlyDictionary<string, double> m) =>
        string.Concat(m.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $" {kv.Key}={kv.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));
}
