using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace YarnDL.Spec.Loading;

/// <summary>Turns YamlDotNet's exceptions (which name CLR types) into user-facing messages naming keys.</summary>
internal static partial class YamlErrorTranslator
{
    public static JobSpecException Translate(YamlException e, string file, SourceMap map)
    {
        var located = e;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is SpecValueException sv)
            {
                return At(file, sv.Start, map.PathAt(sv.Start) ?? string.Empty, sv.Message);
            }

            if (x is YamlException ye && ye.Start.Line > 0)
            {
                located = ye;
            }
        }

        var inner = Innermost(e).Message;
        var path = map.PathAt(located.Start) ?? string.Empty;
        var key = path.Split('.')[^1];

        if (UnknownProperty().Match(located.Message) is { Success: true } m)
        {
            var owner = Parent(path);
            var allowed = ModelKeys.TypeAt(owner) is { } t && ModelKeys.IsModel(t)
                ? string.Join(", ", ModelKeys.Of(t).Keys)
                : string.Empty;
            return At(file, located.Start, path, $"unknown key '{m.Groups[1].Value}' {Where(owner)}" + (allowed.Length > 0 ? $" (allowed: {allowed})" : string.Empty));
        }

        if (MissingProperties().Match(e.Message) is { Success: true } mp)
        {
            return At(file, located.Start, path, $"missing required key(s) {mp.Groups[1].Value.Trim()}");
        }

        if (e.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            return At(file, located.Start, path, $"duplicate key '{key}'");
        }

        if (e.Message.Contains("nullability", StringComparison.OrdinalIgnoreCase))
        {
            return At(file, located.Start, path, $"key '{path}' needs a value");
        }

        var type = ModelKeys.TypeAt(path);
        var expected = type is null ? null : Describe(Nullable.GetUnderlyingType(type) ?? type);
        var value = map.ScalarAt(path) ?? (NotFound().Match(inner) is { Success: true } nf ? nf.Groups[1].Value
            : BadFormat().Match(inner) is { Success: true } bf ? bf.Groups[1].Value : null);
        if (expected is not null && path.Length > 0)
        {
            var shown = value is null ? string.Empty : $" '{value}'";
            return At(file, located.Start, path, $"bad value{shown} for '{path}' (expected {expected})");
        }

        return At(file, located.Start, path, inner.TrimEnd('.'));
    }

    private static string Describe(Type t) =>
        t.IsEnum ? "one of: " + string.Join(", ", Enum.GetValues(t).Cast<Enum>().Select(ModelKeys.ValueOf))
        : t == typeof(int) || t == typeof(long) ? "an integer"
        : t == typeof(double) ? "a number"
        : t == typeof(bool) ? "true or false"
        : t == typeof(string) ? "a string"
        : ModelKeys.IsDictionary(t) ? "a mapping"
        : t.IsGenericType ? "a list"
        : ModelKeys.IsModel(t) ? "a mapping with keys: " + string.Join(", ", ModelKeys.Of(t).Keys)
        : "a valid value";

    private static string Where(string owner)
    {
        var parts = owner.Split('.');
        return parts switch
        {
            [""] => "at the top level",
            ["roles", var role] => $"in role '{role}'",
            _ => $"in '{owner}'",
        };
    }

    private static string Parent(string path)
    {
        var i = path.LastIndexOf('.');
        return i < 0 ? string.Empty : path[..i];
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    internal static JobSpecException At(string file, Mark mark, string path, string problem) =>
        new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column), path, problem);

    [GeneratedRegex("Property '([^']*)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("Missing properties,(.*) in source yaml")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("Requested value '([^']*)' was not found")]
    private static partial Regex NotFound();

    [GeneratedRegex("input string '([^']*)'")]
    private static partial Regex BadFormat();
}
