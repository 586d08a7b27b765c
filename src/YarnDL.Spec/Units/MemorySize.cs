using System.Globalization;

namespace YarnDL.Spec.Units;

/// <summary>A memory amount written as <c>512m</c>, <c>2g</c> or a plain number of megabytes.</summary>
public readonly record struct MemorySize(long Megabytes)
{
    /// <summary>What the parser accepts, for error messages.</summary>
    public const string Allowed = "a number of megabytes or a number with suffix m, g or t (e.g. 512m, 2g)";

    public static MemorySize FromMegabytes(long megabytes) => new(megabytes);

    /// <summary>Parses <paramref name="text"/>; returns false for anything but digits with an optional m/g/t suffix.</summary>
    public static bool TryParse(string? text, out MemorySize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        long factor = 1;
        var last = t[^1];
        if (last is 'm' or 'g' or 't')
        {
            factor = last switch { 'g' => 1024, 't' => 1024 * 1024, _ => 1 };
            t = t[..^1];
        }

        if (t.Length == 0 || !t.All(char.IsAsciiDigit)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        size = new MemorySize(checked(n * factor));
        return true;
    }

    public override string ToString() =>
        Megabytes % 1024 == 0 && Megabytes > 0
            ? (Megabytes / 1024).ToString(CultureInfo.InvariantCulture) + "g"
            : Megabytes.ToString(CultureInfo.InvariantCulture) + "m";
}
