using System.Globalization;
using System.Net;
using System.Text;
using YarnDL.AppMaster.Job;
using YarnDL.Tracking;

namespace YarnDL.AppMaster.Web;

/// <summary>
/// The tracking page: job, application and state; a trial table (hyper-parameters, epoch, metrics, the best trial marked);
/// loss and accuracy curves with every trial overlaid; per trial, its tasks (task, state, host, container, step, last checkpoint, logs).
/// Self-contained HTML (inline CSS and SVG, no scripts), refreshed every 5 s while the job runs. It fits a 1280 px window: every
/// cell that can hold long text (hyper-parameters, hosts, container ids, reasons) wraps, the others hold short figures.
/// </summary>
internal static class StatusPage
{
    /// <summary>Metrics left out of the trial table (epoch and step have their own columns, accuracy repeats val_accuracy, throughput is noise there).</summary>
    private static readonly HashSet<string> NotInTable = new(StringComparer.Ordinal) { "epoch", "epochs", "steps", "accuracy", "examples_per_s" };

    public static string Render(AmState state, DateTimeOffset now)
    {
        var doc = StatusSnapshot.Take(state, now);
        var colors = doc.Clusters.Select((c, i) => (c.Id, Color: SvgChart.Palette[i % SvgChart.Palette.Length])).ToDictionary(p => p.Id, p => p.Color, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (doc.State == "RUNNING")
        {
            sb.Append("<meta http-equiv=\"refresh\" content=\"5\">");
        }

        sb.Append("<title>").Append(Enc(doc.Job)).Append(" · ").Append(Enc(doc.State)).Append(" · YarnDL</title><style>").Append(StatusPageCss.Text).Append("</style></head><body>")
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

    private static void TrialTable(StringBuilder sb, AmStatus doc, Dictionary<string, string> colors)
    {
        var metricNames = doc.Clusters.SelectMany(c => Latest(c).Keys).Where(k => !NotInTable.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append("<section><h2>Trials</h2><table class=\"trials\"><thead><tr><th>trial</th><th>state</th><th>hyper-parameters</th><th class=\"num\">epoch</th><th class=\"num\">ETA</th><th class=\"num\">step</th>");
        foreach (var m in metricNames)
        {
            sb.Append("<th class=\"num\">").Append(Enc(m)).Append("</th>");
        }

        sb.Append("<th class=\"num\">restarts</th></tr></thead><tbody>");
        foreach (var c in doc.Clusters)
        {
            var best = c.Id == doc.BestCluster;
            var latest = Latest(c);
            sb.Append("<tr class=\"trial").Append(best ? " best" : "").Append("\" data-trial=\"").Append(Enc(c.Id)).Append("\"><td><span class=\"swatch\" style=\"background:")
                .Append(colors[c.Id]).Append("\"></span><a href=\"#").Append(Enc(c.Id)).Append("\">").Append(Enc(c.Id)).Append("</a>")
                .Append(best ? " <span class=\"best-mark\">★ best</span>" : "").Append("</td><td><span class=\"badge state-").Append(Enc(c.State)).Append("\">").Append(Enc(c.State)).Append("</span></td><td class=\"hp\">")
                .Append(c.HyperParameters.Count == 0 ? "<span class=\"muted\">defaults</span>" : Enc(string.Join("  ", c.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}"))))
                .Append("</td><td class=\"num epoch\">").Append(Epoch(c)).Append("</td><td class=\"num eta\">").Append(Eta(c))
                .Append("</td><td class=\"num\">").Append(Step(c)).Append("</td>");
            foreach (var m in metricNames)
            {
                sb.Append("<td class=\"num\">").Append(latest.TryGetValue(m, out var v) ? Format(m, v) : "").Append("</td>");
            }

            sb.Append("<td class=\"num\">").Append(c.Restarts).Append("</td></tr>");
            if (c.FailureReason is { } why)
            {
                sb.Append("<tr class=\"failure\"><td></td><td colspan=\"").Append(6 + metricNames.Count).Append("\">").Append(Enc(why)).Append("</td></tr>");
            }
        }

        sb.Append("</tbody></table></section>");
    }

    private static void Charts(StringBuilder sb, AmStatus doc, Dictionary<string, string> colors)
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

    private static void TaskTable(StringBuilder sb, AmClusterStatus c, bool best)
    {
        sb.Append("<section class=\"trial-tasks\" id=\"").Append(Enc(c.Id)).Append("\"><h3>").Append(Enc(c.Id)).Append(best ? " ★" : "").Append(" <span class=\"badge state-")
            .Append(Enc(c.State)).Append("\">").Append(Enc(c.State)).Append("</span> <span class=\"muted\">generation ").Append(c.Generation).Append(", restarts ").Append(c.Restarts)
            .Append("</span></h3><table class=\"tasks\"><thead><tr><th>task</th><th>state</th><th>host</th><th>container</th><th class=\"num\">step</th><th>checkpoint</th><th>logs</th><th>exit</th></tr></thead><tbody>");
        foreach (var t in c.Tasks)
        {
            sb.Append("<tr class=\"task\"><td class=\"mono\">").Append(Enc(t.Role)).Append(':').Append(t.Index).Append("</td><td><span class=\"badge state-").Append(Enc(AmStatusText.TaskState(t))).Append("\">")
                .Append(Enc(AmStatusText.TaskState(t))).Append("</span></td><td class=\"wrap\">").Append(Enc(t.Node ?? t.Address ?? "")).Append("</td><td class=\"mono wrap\">").Append(Enc(t.ContainerId ?? ""))
                .Append("</td><td class=\"num\">").Append(t.Step).Append("</td><td class=\"checkpoint\">").Append(Checkpoint(t)).Append("</td><td>");
            if (t.LogUrl is { } url)
            {
                sb.Append("<a class=\"log\" href=\"").Append(Enc(url)).Append("\">logs</a>");
            }

            sb.Append("</td><td class=\"exit\">").Append(Enc(AmStatusText.TaskExit(t) ?? "")).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    /// <summary>The newest checkpoint the task reported: its step and (1-based) epoch, and how long ago; a dash when none.</summary>
    internal static string Checkpoint(AmTaskStatus t) =>
        AmStatusText.Checkpoint(t) is { } cp
            ? $"{cp.Where}<br><span class=\"muted age\">{cp.Age}</span>"
            : "<span class=\"muted\">—</span>";

    /// <summary>Estimated time left of a running trial; "estimating…" (muted) until it has finished an epoch; empty once finished.</summary>
    internal static string Eta(AmClusterStatus c)
    {
        var eta = AmStatusText.Eta(c);
        return c.EtaSeconds is null && eta.Length > 0 ? $"<span class=\"muted\">{eta}</span>" : eta;
    }

    /// <summary>Seconds as the page shows them (<see cref="AmStatusText.Duration"/>).</summary>
    internal static string Duration(double seconds) => AmStatusText.Duration(seconds);

    /// <summary>Final metrics of a finished trial, else the latest point of its curve.</summary>
    private static IReadOnlyDictionary<string, double> Latest(AmClusterStatus c) =>
        c.Metrics.Count > 0 ? c.Metrics : c.Curve.Count > 0 ? c.Curve[^1].Values : new Dictionary<string, double>();

    /// <summary>"X of N" epochs (<see cref="AmStatusText.Epoch"/>).</summary>
    internal static string Epoch(AmClusterStatus c) => AmStatusText.Epoch(c);

    /// <summary>A finished trial's final step, else the furthest task's.</summary>
    private static string Step(AmClusterStatus c) =>
        c.Metrics.TryGetValue("steps", out var steps) ? Format("steps", steps)
        : (c.Tasks.Count == 0 ? 0 : c.Tasks.Max(t => t.Step)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole numbers (steps, counts, throughput) without decimals; other values to 4 places.</summary>
    internal static string Format(string metric, double v) =>
        v.ToString(metric.Contains("per_s", StringComparison.Ordinal) || (v == Math.Floor(v) && Math.Abs(v) < 1e15) ? "0" : "0.0000", CultureInfo.InvariantCulture);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
