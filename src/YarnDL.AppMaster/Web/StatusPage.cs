using System.Net;
using System.Text;
using YarnDL.AppMaster.Job;

namespace YarnDL.AppMaster.Web;

/// <summary>The tracking page: a table of clusters and tasks plus loss/accuracy curves per trial as inline SVG.</summary>
internal static class StatusPage
{
    public static string Render(AmState state)
    {
        var doc = StatusSnapshot.Take(state);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\"><title>")
            .Append(Enc(doc.Job)).Append("</title><style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}")
            .Append("svg{border:1px solid #ccc;margin:4px}</style></head><body>")
            .Append("<h1>").Append(Enc(doc.Job)).Append(" — ").Append(Enc(doc.State)).Append("</h1>");
        if (doc.Waiting is { } w)
        {
            sb.Append("<p>").Append(Enc(w)).Append("</p>");
        }

        if (doc.Diagnostics is { } d)
        {
            sb.Append("<pre>").Append(Enc(d)).Append("</pre>");
        }

        foreach (var c in doc.Clusters)
        {
            sb.Append("<h2>").Append(Enc(c.Id)).Append(" — ").Append(Enc(c.State)).Append(" (generation ").Append(c.Generation).Append(")</h2>");
            if (c.HyperParameters.Count > 0)
            {
                sb.Append("<p>").Append(Enc(string.Join(", ", c.HyperParameters.Select(kv => $"{kv.Key}={kv.Value}")))).Append("</p>");
            }

            sb.Append("<table><tr><th>task</th><th>state</th><th>container</th><th>node</th><th>step</th><th>logs</th></tr>");
            foreach (var t in c.Tasks)
            {
                sb.Append("<tr><td>").Append(Enc($"{t.Role}:{t.Index}")).Append("</td><td>").Append(Enc(t.State))
                    .Append("</td><td>").Append(Enc(t.ContainerId ?? "")).Append("</td><td>").Append(Enc(t.Node ?? ""))
                    .Append("</td><td>").Append(t.Step).Append("</td><td>");
                if (t.LogUrl is { } url)
                {
                    sb.Append("<a href=\"").Append(Enc(url)).Append("\">logs</a>");
                }

                sb.Append("</td></tr>");
            }

            sb.Append("</table>");
            foreach (var metric in c.Curve.SelectMany(p => p.Values.Keys).Distinct().Where(m => m.Contains("loss", StringComparison.Ordinal) || m.Contains("accuracy", StringComparison.Ordinal)).Order())
            {
                sb.Append(SvgCurve.Render(metric, [.. c.Curve.Where(p => p.Values.ContainsKey(metric)).Select(p => (p.Step, p.Values[metric]))]));
            }
        }

        return sb.Append("</body></html>").ToString();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
