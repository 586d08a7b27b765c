using System.Globalization;

namespace YarnDL.Spec.Units;

/// <summary>A time span written as <c>90s</c>, <c>10m</c>, <c>2h</c> or <c>1d</c>.</summary>
public readonly record struct Duration(TimeSpan Value)
{
    /// <summary>What the parser accepts, for error messages.</summary>
    public const string Allowed = "a positive number with suffix s, m, h or d (e.g. 90s, 10m, 2h)";

    public static Duration FromMinutes(int minutes) => new(TimeSpan.FromMinutes(minutes));

    /// <summary>Parses <paramref name="text"/>; the number must be positive and the suffix present.</summary>
    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        var unit = t[^1];
        if (!long.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        TimeSpan? span = unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
        duration = span is { } s ? new Duration(s) : default;
        return span is not null;
    }

    public override string ToString() => ((long)Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
