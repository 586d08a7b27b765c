using System.CommandLine;
using System.Text.RegularExpressions;

namespace YarnDL.Cli.Commands;

/// <summary>The APP argument: a YARN application id, checked before any HTTP call.</summary>
internal static partial class AppIdArgument
{
    public static Argument<string> Create() => new("app") { Description = "Application id (application_<clusterTimestamp>_<sequence>)" };

    public static string Get(ParseResult r, Argument<string> arg)
    {
        var id = r.GetValue(arg) ?? string.Empty;
        return Pattern().IsMatch(id) ? id : throw new FormatException($"'{id}' is not an application id (expected application_<digits>_<digits>)");
    }

    [GeneratedRegex(@"^application_\d+_\d+$")]
    private static partial Regex Pattern();
}
