using System.Text;

namespace YarnDL.Cli.Hosting;

/// <summary>The layout of help text (indented description, two aligned columns wrapped at the terminal's width), apart
/// from System.CommandLine: <see cref="HelpTextAction"/> fills it from the command tree, <see cref="RootHelp"/> from the
/// root's rows without loading the library.</summary>
internal static class HelpLayout
{
    internal const string Indent = "  ";
    private const string Gap = "  ";
    private const string Spaces = "                                                                "; // 64: padding without a fill loop

    internal static void AppendIndented(StringBuilder sb, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            sb.Append(Indent).Append(line.TrimEnd('\r')).Append('\n');
        }
    }

    /// <summary>A header, two aligned columns (the second wrapped at <paramref name="maxWidth"/>), a blank line; nothing when empty.</summary>
    internal static void AppendSection(StringBuilder sb, string header, IReadOnlyList<(string Label, string Text)> rows, int maxWidth)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var width = 0;
        foreach (var (label, _) in rows)
        {
            width = Math.Max(width, label.Length);
        }

        sb.Append(header).Append('\n');
        var column = Indent.Length + width + Gap.Length;
        var room = maxWidth == int.MaxValue ? int.MaxValue : Math.Max(20, maxWidth - column);
        foreach (var (label, text) in rows)
        {
            sb.Append(Indent).Append(label);
            if (text.Length == 0)
            {
                sb.Append('\n');
                continue;
            }

            Pad(sb, width - label.Length).Append(Gap);
            var first = true;
            foreach (var line in Wrap(text, room))
            {
                if (!first)
                {
                    Pad(sb, column);
                }

                sb.Append(line).Append('\n');
                first = false;
            }
        }

        sb.Append('\n');
    }

    private static StringBuilder Pad(StringBuilder sb, int count)
    {
        for (; count > Spaces.Length; count -= Spaces.Length)
        {
            sb.Append(Spaces);
        }

        return sb.Append(Spaces, 0, count);
    }

    /// <summary>Word-wraps <paramref name="text"/> into lines of at most <paramref name="room"/> characters (a longer word stays whole).</summary>
    internal static List<string> Wrap(string text, int room)
    {
        var lines = new List<string>();
        if (text.Length <= room)
        {
            lines.Add(text);
            return lines;
        }

        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>The terminal's width when help goes to a terminal; unbounded when redirected or written elsewhere.</summary>
    internal static int MaxWidth(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return int.MaxValue;
        }

        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? width : int.MaxValue;
        }
        catch (IOException)
        {
            return int.MaxValue;
        }
    }
}
