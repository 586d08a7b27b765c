using System.Globalization;

namespace YarnDL.Hadoop.Ids;

/// <summary>Shared strict parsing of the numeric parts of YARN id strings.</summary>
internal static class IdParsing
{
    public static string[] Split(string text, string prefix, int parts)
    {
        ArgumentNullException.ThrowIfNull(text);
        var split = text.Split('_');
        return split.Length == parts && split[0] == prefix ? split : throw new FormatException($"Invalid {prefix} id: {text}");
    }

    public static long Long(string part, string text) =>
        part.Length > 0 && part.All(char.IsAsciiDigit) && long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"Invalid number '{part}' in id {text}");

    public static int Int(string part, string text)
    {
        var v = Long(part, text);
        return v <= int.MaxValue ? (int)v : throw new FormatException($"Number '{part}' too large in id {text}");
    }
}
