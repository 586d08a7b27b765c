namespace YarnDL.AppMaster.Web;

/// <summary>
/// The tracking page's style sheet. Cells that can hold long text (<c>td.hp</c>, <c>td.wrap</c>, <c>td.exit</c>, failure rows,
/// diagnostics) wrap anywhere, so no table is wider than its section; the other cells hold short figures and do not wrap.
/// </summary>
internal static class StatusPageCss
{
    /// <summary>Left and right page margin in CSS pixels (the content of a 1280 px window is 1280 - 2 × this wide).</summary>
    public const int PageMargin = 32;

    /// <summary>Classes of the table cells that wrap long text.</summary>
    public static readonly IReadOnlySet<string> WrappingCells = new HashSet<string>(StringComparer.Ordinal) { "hp", "wrap", "exit" };

    public const string Text =
        "body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:24px 32px;color:#1f2328;background:#fff;font-size:14px}" +
        "h1{font-size:24px;margin:0 0 4px;overflow-wrap:anywhere}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px;overflow-wrap:anywhere}" +
        ".meta,.muted{color:#656d76}.meta{margin-bottom:8px;overflow-wrap:anywhere}a{color:#0969da;text-decoration:none}" +
        "section{max-width:100%;overflow-x:auto}table{border-collapse:collapse;min-width:60%;max-width:100%}" +
        "th,td{padding:5px 10px;text-align:left;border-bottom:1px solid #eaeef2;white-space:nowrap;vertical-align:top}" +
        "td.hp{white-space:normal;overflow-wrap:anywhere;max-width:280px}td.wrap{white-space:normal;overflow-wrap:anywhere}" +
        "th{background:#f6f8fa;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.mono{font-family:'DejaVu Sans Mono',monospace;font-size:12px}" +
        "td.checkpoint{font-variant-numeric:tabular-nums}td.checkpoint .age{font-size:12px}" +
        "tr.best td{background:#fff8c5;font-weight:600}.best-mark{color:#9a6700}tr.failure td{color:#cf222e;white-space:normal;overflow-wrap:anywhere}" +
        "td.exit{white-space:normal;overflow-wrap:anywhere;min-width:120px;max-width:420px;color:#656d76}" +
        ".swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}" +
        ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:#eaeef2;color:#1f2328;vertical-align:middle}" +
        ".state-RUNNING{background:#ddf4ff;color:#0550ae}.state-SUCCEEDED{background:#dafbe1;color:#116329}.state-FAILED{background:#ffebe9;color:#a40e26}" +
        ".state-EARLYSTOPPED,.state-STOPPED{background:#fff1e5;color:#953800}.state-REGISTERED,.state-LAUNCHED,.state-ALLOCATING,.state-QUEUED,.state-REQUESTED{background:#f6f8fa;color:#656d76}" +
        ".waiting{background:#fff8c5;padding:6px 10px;border-radius:6px;display:inline-block;overflow-wrap:anywhere}" +
        "pre.diagnostics{background:#f6f8fa;padding:8px 12px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}" +
        ".charts{display:flex;flex-wrap:wrap;gap:16px}svg.chart{border:1px solid #d0d7de;border-radius:6px;background:#fff;max-width:100%;height:auto}" +
        "svg text{font-size:11px;fill:#424a53}svg .chart-title{font-size:13px;font-weight:600;fill:#1f2328}svg .grid{stroke:#eaeef2}svg .axis,svg .tick{stroke:#8c959f}";
}
