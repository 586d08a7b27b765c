namespace YarnDL.Cli.Output;

/// <summary>
/// Text from the cluster (application names, users, queues, diagnostics) made safe to print: control characters, ESC among
/// them, would let a name move the cursor, recolour the terminal or set its title (ANSI CSI and OSC sequences).
/// </summary>
internal static class TerminalText
{
    /// <summary>Each control character becomes U+FFFD; line breaks are kept only when <paramref name="keepLines"/>.</summary>
    public static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return string.Create(text.Length, (text, keepLines), static (span, s) =>
        {
            for (var i = 0; i < s.text.Length; i++)
            {
                var c = s.text[i];
                span[i] = char.IsControl(c) && !(s.keepLines && c == '\n') ? '\uFFFD' : c;
            }
        });
    }
}
