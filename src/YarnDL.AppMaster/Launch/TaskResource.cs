using System.Globalization;

namespace YarnDL.AppMaster.Launch;

/// <summary>An archive every task localizes under <paramref name="Link"/> (type ARCHIVE, visibility APPLICATION).</summary>
internal sealed record TaskResource(string Link, Uri Url, long Size, long Timestamp)
{
    /// <summary>Parses <c>SIZE,TIMESTAMP,URL</c> (<c>YARNDL_TRAINER_BUNDLE</c>).</summary>
    public static TaskResource Parse(string link, string variable, string value)
    {
        var parts = value.Split(',', 3);
        if (parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            && Uri.TryCreate(parts[2], UriKind.Absolute, out var url))
        {
            return new TaskResource(link, url, size, timestamp);
        }

        throw new FormatException($"{variable}='{value}' is not SIZE,TIMESTAMP,URL (set by yarndl submit in upload mode)");
    }
}
