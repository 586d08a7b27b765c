namespace YarnDL.Spec.Validation;

/// <summary>
/// What may reach a task through YARN's <c>launch_container.sh</c>, where the NodeManager writes every variable as
/// <c>export NAME="VALUE"</c> with the value verbatim. Inside those double quotes bash ends the string at <c>"</c>,
/// runs backquoted text, eats backslashes and breaks the line at a newline: such values are refused. <c>$</c> is
/// allowed on purpose and expands as in bash (<c>$PWD</c>, <c>${HOME}</c>, and <c>$(…)</c> too), as YARN users expect.
/// </summary>
internal static class LaunchScriptValues
{
    private static readonly char[] Refused = ['"', '`', '\\', '\n', '\r'];

    /// <summary>Null when <paramref name="value"/> reaches the task as written (apart from <c>$</c> expansion),
    /// else what is wrong with it.</summary>
    public static string? Problem(string value)
    {
        var at = value.IndexOfAny(Refused);
        if (at < 0)
        {
            return null;
        }

        var what = value[at] switch
        {
            '"' => "a double quote (\")",
            '`' => "a backquote (`)",
            '\\' => "a backslash (\\)",
            _ => "a line break",
        };
        return $"contains {what} at character {at + 1}, which YARN's launch script would alter "
            + "(values are written as export NAME=\"VALUE\"; allowed: anything but \" ` \\ and line breaks; $VAR expands as in bash)";
    }

    /// <summary>True for a name bash accepts in <c>export NAME=…</c>.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
