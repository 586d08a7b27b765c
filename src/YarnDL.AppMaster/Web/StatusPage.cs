using System.Globalization;
using System.Net;
using System.Text;
using YarnDL.AppMaster.Job;

namespace YarnDL.AppMaster.Web;

/// <summary>
/// The tracking page: job, application and state; a trial table (hyper-parameters, epoch, metrics, the best trial marked);
/// loss and accuracy curves with every trial overlaid; per trial, its tasks (role, index, state, host, container, step, logs).
/// Self-contained HTML (inline CSS and SVG, no scripts), refreshed every 5 s while the job runs.
/// </summary>
internal static class StatusPage
{
    /// <summary>Metrics left out of the trial table (epoch and step have their own columns, accuracy repeats val_accuracy, throughput is noise there).</summary>
    private static readonly HashSet<string> NotInTable = new(StringComparer.Ordinal) { "epoch", "epochs", "steps", "accuracy", "examples_per_s" };

    public static string Render(AmState state)
    {
        var doc = StatusSnapshot.Take(state);
        var colors = doc.Clusters.Select((c, i) => (c.Id, Color: SvgChart.Palette[i % SvgChart.Palette.Length])).ToDictionary(p => p.Id, p => p.Color, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (doc.State == "RUNNING")
        {
            sb.Append("<meta http-equiv=\"refresh\" content=\"5\">");
        }

        sb.Append("<title>").Append(Enc(doc.Job)).Append(" · ").Append(Enc(doc.State)).Append(" · YarnDL</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<header><h1>").Append(Enc(doc.Job)).Append(" <span class=\"badge state-").Append(Enc(doc.State)).Append("\" id=\"job-state\">").Append(Enc(doc.State)).Append("</span></h1>")
            .Append("<div class=\"meta\">");
        if (state.ApplicationId is { } app)
        {
            sb.Append("<span id=\"app-id\">").Append(Enc(app)).Append("</span> · ");
        }

        sb.Append("user ").Append(Enc(state.User)).Append(" · ").Append(doc.Clusters.Count).Append(doc.Clusters.Count == 1 ? " trial" : " trials")
            .Append(" · <a href=\"api/v1/status\">status JSON</a></div></header>");
        if (doc.Waiting is { } w)
        {
            sb.Append("<p class=\"waiting\">").Append(Enc(w)).Append("</p>");
        }

        if (doc.Diagnostics is { } d)
        {
            sb.Append("<pre class=\"diagnostics\">").Append(Enc(d)).Append("</pre>");
        }

        TrialTable(sb, doc, colors);
        Charts(sb, doc, colors);
        foreach (var c in doc.Clusters)
        {
            TaskTable(sb, c, c.Id == doc.BestCluster);
        }

        return sb.Append("</body></html>").ToString();
    }

    private static void TrialTable(StringBuilder sb, StatusDocument doc, Dictionary<string, string> colors)
    {
        var metricNames = doc.Clusters.SelectMany(c => Latest(c).Keys).Where(k => !NotInTable.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append("<section><h2>Trials</h2><table class=\"trials\"><thead><tr><th>trial</th><th>state</th><th>hyper-parameters</th><th>epoch</th><th>step</th>");
        foreach (var m in metricNames)
        {
            sb.Append("<th class=\"num\">").Append(Enc(m)).Append("</th>");
        }

        sb.Append("<th>generation</th><th>restarts</th></tr></thead><tbody>");
        foreach (var c in doc.Clusters)
        {
            var best = c.Id == doc.BestCluster;
            var latest = Latest(c);
            sb.Append("<tr class=\"trial").Append(best ? " best" : "").Append("\" data-trial=\"").Append(Enc(c.Id)).Append("\"><td><span class=\"swatch\" style=\"background:")
                .Append(colors[c.Id]).Append("\"></span><a href=\"#").Append(Enc(c.Id)).Append("\">").Append(Enc(c.Id)).Append("</a>")
                .Append(best ? " <span class=\"best-mark\">★ best</span>" : "").Append("</td><td><span class=\"badge state-").Append(Enc(c.State)).Append("\">").Append(Enc(c.State)).Append("</span></td><td class=\"hp\">")
                .Append(c.HyperParameters.Count == 0 ? "<span class=\"muted\">defaults</span>" : Enc(string.Join("  ", c.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}"))))
                .Append("</td><td class=\"num\">").Append(Epoch(c))
                .Append("</td><td class=\"num\">").Append(Step(c)).Append("</td>");
            foreach (var m in metricNames)
            {
                sb.Append("<td class=\"num\">").Append(latest.TryGetValue(m, out var v) ? Format(m, v) : "").Append("</td>");
            }

            sb.Append("<td class=\"num\">").Append(c.Generation).Append("</td><td class=\"num\">").Append(c.Restarts).Append("</td></tr>");
            if (c.FailureReason is { } why)
            {
                sb.Append("<tr class=\"failure\"><td></td><td colspan=\"").Append(6 + metricNames.Count).Append("\">").Append(Enc(why)).Append("</td></tr>");
            }
        }

        sb.Append("</tbody></table></section>");
    }

    private static void Charts(StringBuilder sb, StatusDocument doc, Dictionary<string, string> colors)
    {
        sb.Append("<section><h2>Curves</h2><div class=\"charts\">");
        var points = doc.Clusters.SelectMany(c => c.Curve).SelectMany(p => p.Values.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var metric in new[] { "loss", points.Contains("val_accuracy") || !points.Contains("accuracy") ? "val_accuracy" : "accuracy" })
        {
            var series = doc.Clusters
                .Select(c => new SvgChart.Series(c.Id, colors[c.Id], [.. c.Curve.Where(p => p.Values.ContainsKey(metric)).Select(p => (p.Step, p.Values[metric]))], c.Id == doc.BestCluster))
                .ToList();
            sb.Append(SvgChart.Render(metric, series));
        }

        sb.Append("</div></section>");
    }

    private static void TaskTable(StringBuilder sb, ClusterStatus c, bool best)
    {
        sb.Append("<section class=\"trial-tasks\" id=\"").Append(Enc(c.Id)).Append("\"><h3>").Append(Enc(c.Id)).Append(best ? " ★" : "").Append(" <span class=\"badge state-")
            .Append(Enc(c.State)).Append("\">").Append(Enc(c.State)).Append("</span> <span class=\"muted\">generation ").Append(c.Generation).Append(", restarts ").Append(c.Restarts)
            .Append("</span></h3><table class=\"tasks\"><thead><tr><th>role</th><th>index</th><th>state</th><th>host</th><th>container</th><th class=\"num\">step</th><th class=\"num\">checkpoint</th><th>logs</th><th>exit</th></tr></thead><tbody>");
        foreach (var t in c.Tasks)
        {
            sb.Append("<tr class=\"task\"><td>").Append(Enc(t.Role)).Append("</td><td class=\"num\">").Append(t.Index).Append("</td><td><span class=\"badge state-").Append(Enc(t.State)).Append("\">")
                .Append(Enc(t.State)).Append("</span></td><td>").Append(Enc(t.Node ?? t.Address ?? "")).Append("</td><td class=\"mono\">").Append(Enc(t.ContainerId ?? ""))
                .Append("</td><td class=\"num\">").Append(t.Step).Append("</td><td class=\"num\">").Append(t.CheckpointStep < 0 ? "" : t.CheckpointStep.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            if (t.LogUrl is { } url)
            {
                sb.Append("<a class=\"log\" href=\"").Append(Enc(url)).Append("\">logs</a>");
            }

            sb.Append("</td><td class=\"exit\">").Append(Enc(t.ExitReason ?? "")).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    /// <summary>Final metrics of a finished trial, else the latest point of its curve.</summary>
    private static IReadOnlyDictionary<string, double> Latest(ClusterStatus c) =>
        c.Metrics.Count > 0 ? c.Metrics : c.Curve.Count > 0 ? c.Curve[^1].Values : new Dictionary<string, double>();

    /// <summary>A finished trial's epochs as its trainer reported them at the end, else the last epoch its curve reached.</summary>
    private static string Epoch(ClusterStatus c) =>
        c.Metrics.TryGetValue("epochs", out var done) ? Format("epochs", done)
        : c.Curve.Count == 0 ? "" : Math.Max(c.Curve[^1].Epoch, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A finished trial's final step, else the furthest task's.</summary>
    private static string Step(ClusterStatus c) =>
        c.Metrics.TryGetValue("steps", out var steps) ? Format("steps", steps)
        : (c.Tasks.Count == 0 ? 0 : c.Tasks.Max(t => t.Step)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole numbers (steps, counts, throughput) without decimals; other values to 4 places.</summary>
    internal static string Format(string metric, double v) =>
        v.ToString(metric.Contains("per_s", StringComparison.Ordinal) || (v == Math.Floor(v) && Math.Abs(v) < 1e15) ? "0" : "0.0000", CultureInfo.InvariantCulture);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private const string Css =
        "body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:24px 32px;color:#1f2328;background:#fff;font-size:14px}" +
        "h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}" +
        ".meta,.muted{color:#656d76}.meta{margin-bottom:8px}a{color:#0969da;text-decoration:none}" +
        "section{max-width:100%;overflow-x:auto}table{border-collapse:collapse;min-width:60%}td.hp{white-space:normal;max-width:280px}th,td{padding:5px 10px;text-align:left;border-bottom:1px solid #eaeef2;white-space:nowrap}" +
        "th{background:#f6f8fa;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.mono{font-family:'DejaVu Sans Mono',monospace;font-size:12px}" +
        "tr.best td{background:#fff8c5;font-weight:600}.best-mark{color:#9a6700}tr.failure td{color:#cf222e;white-space:normal}td.exit{white-space:normal;max-width:420px;color:#656d76}" +
        ".swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}" +
        ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:#eaeef2;color:#1f2328;vertical-align:middle}" +
        ".state-RUNNING{background:#ddf4ff;color:#0550ae}.state-SUCCEEDED{background:#dafbe1;color:#116329}.state-FAILED{background:#ffebe9;color:#a40e26}" +
        ".state-EARLYSTOPPED,.state-STOPPED{background:#fff1e5;color:#953800}.state-REGISTERED,.state-LAUNCHED,.state-ALLOCATING,.state-QUEUED,.state-REQUESTED{background:#f6f8fa;color:#656d76}" +
        ".waiting{background:#fff8c5;padding:6px 10px;border-radius:6px;display:inline-block}pre.diagnostics{background:#f6f8fa;padding:8px 12px;border-radius:6px;white-space:pre-wrap}" +
        ".charts{display:flex;flex-wrap:wrap;gap:16px}svg.chart{border:1px solid #d0d7de;border-radius:6px;background:#fff}" +
        "svg text{font-size:11px;fill:#424a53}svg .chart-title{font-size:13px;font-weight:600;fill:#1f2328}svg .grid{stroke:#eaeef2}svg .axis,svg .tick{stroke:#8c959f}";
}
