using System.Globalization;
using YarnDL.AppMaster.Clusters;

namespace YarnDL.AppMaster.Trials;

/// <summary>
/// One line per trial in the AM's final diagnostics, after the summary line:
/// <c>trial trial-0001 SUCCEEDED epoch=10 val_accuracy=0.9777 {learning-rate=0.1}</c>. The RM keeps these diagnostics after the
/// AM is gone, so the CLI prints every trial's terminal state and the best trial from them, not from a snapshot it happened to see.
/// </summary>
internal static class TrialResultLine
{
    public static string Format(ClusterSession c)
    {
        // The epochs rank 0 reports it completed; else the last epoch a heartbeat carried (0-based, in progress), counted from 1.
        var epoch = c.FinalMetrics.TryGetValue("epochs", out var done) ? (int)done
            : c.Slots.Any(s => s.Step > 0) ? c.Slots.Max(s => s.Epoch) + 1 : 0;
        var metrics = string.Concat(c.FinalMetrics.Where(kv => kv.Key is not ("epoch" or "epochs")).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $" {kv.Key}={Number(kv.Value)}"));
        return $"trial {c.Id} {c.State.ToString().ToUpperInvariant()} epoch={epoch.ToString(CultureInfo.InvariantCulture)}{metrics} {Params(c)}".TrimEnd();
    }

    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    public static string Params(ClusterSession c) =>
        c.Plan.HyperParameters.Count == 0 ? string.Empty : "{" + string.Join(", ", c.Plan.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
