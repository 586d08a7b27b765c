using System.Globalization;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Output;

/// <summary>Human-readable renderings of application reports; what users chose (names, queues) and diagnostics are printed cleaned of
/// control characters (<see cref="TerminalText"/>).</summary>
internal static class AppTable
{
    /// <summary>The report's fields, then <paramref name="diagnostics"/> (the report's own, or what is left of them once the
    /// caller shows part of them elsewhere), each line under the first indented to the value column.</summary>
    public static async Task WriteStatusAsync(TextWriter o, AppReport a, string? diagnostics)
    {
        await o.WriteLineAsync($"application  {a.Id}").ConfigureAwait(false);
        await o.WriteLineAsync($"name         {TerminalText.Clean(a.Name)}").ConfigureAwait(false);
        await o.WriteLineAsync($"user/queue   {TerminalText.Clean(a.User)}/{TerminalText.Clean(a.Queue)}").ConfigureAwait(false);
        await o.WriteLineAsync($"state        {a.State} ({a.FinalStatus})").ConfigureAwait(false);
        await o.WriteLineAsync($"progress     {a.Progress.ToString("0.#", CultureInfo.InvariantCulture)}%").ConfigureAwait(false);
        await o.WriteLineAsync($"tracking     {a.TrackingUrl}").ConfigureAwait(false);
        await o.WriteLineAsync($"am logs      {a.AmContainerLogs}").ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(diagnostics))
        {
            var lines = TerminalText.Clean(diagnostics, keepLines: true).Split('\n');
            await o.WriteLineAsync($"diagnostics  {string.Join("\n             ", lines)}").ConfigureAwait(false);
        }
    }

    public static async Task WriteListAsync(TextWriter o, IReadOnlyList<AppReport> apps)
    {
        await o.WriteLineAsync($"{"APPLICATION",-34} {"NAME",-20} {"USER",-10} {"QUEUE",-10} {"STATE",-9} {"FINAL",-10} PROGRESS").ConfigureAwait(false);
        foreach (var a in apps)
        {
            await o.WriteLineAsync($"{a.Id,-34} {Cut(a.Name, 20),-20} {Cut(a.User, 10),-10} {Cut(a.Queue, 10),-10} {a.State,-9} {a.FinalStatus,-10} {a.Progress.ToString("0", CultureInfo.InvariantCulture)}%").ConfigureAwait(false);
        }
    }

    private static string Cut(string? s, int n)
    {
        var t = TerminalText.Clean(s);
        return t.Length <= n ? t : t[..(n - 1)] + "…";
    }
}
