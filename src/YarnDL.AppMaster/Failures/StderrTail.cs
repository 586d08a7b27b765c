namespace YarnDL.AppMaster.Failures;

/// <summary>
/// The end of a task's stderr as the NodeManager quotes it in a failed container's diagnostics
/// ("Last 4096 bytes of worker-0.stderr :" then the bytes), reduced to its last lines on one line.
/// </summary>
internal static class StderrTail
{
    private const string Marker = "bytes of ";
    private const int MaxLines = 5;
    private const int MaxChars = 600;

    /// <summary>The last non-empty lines of the last quoted log file (stderr over prelaunch.err), or null when none is quoted.</summary>
    public static string? From(string? diagnostics)
    {
        if (string.IsNullOrEmpty(diagnostics))
        {
            return null;
        }

        var at = diagnostics.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var header = diagnostics.IndexOf(" :\n", at, StringComparison.Ordinal);
        if (header < 0)
        {
            return null;
        }

        var file = diagnostics[(at + Marker.Length)..header];
        var lines = diagnostics[(header + 3)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var text = string.Join(" | ", lines.TakeLast(MaxLines));
        if (text.Length > MaxChars)
        {
            text = "…" + text[^MaxChars..];
        }

        return $"{file}: {text}";
    }
}
