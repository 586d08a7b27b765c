namespace YarnDL.MiniCluster.NodeManager.LaunchScript;

/// <summary>
/// Orders environment variables so that one whose value refers to another (<c>$NAME</c>, <c>${NAME}</c>) is exported
/// after it, as the NodeManager's Unix script builder does: values are read as if inside double quotes, single-quoted
/// parts count only outside them, and the result otherwise follows Java's HashMap order.
/// </summary>
internal static class EnvDependencies
{
    public static IReadOnlyList<KeyValuePair<string, string>> Order(IReadOnlyList<KeyValuePair<string, string>> env)
    {
        if (env.Count < 2)
        {
            return env;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in env)
        {
            values[k] = v;
        }

        var ordered = new List<KeyValuePair<string, string>>(env.Count);
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in JavaHashOrder.Of([.. values.Keys]))
        {
            Resolve(key, values, resolved, ordered);
        }

        return ordered;
    }

    private static void Resolve(string key, Dictionary<string, string> values, HashSet<string> resolved, List<KeyValuePair<string, string>> ordered)
    {
        if (!resolved.Add(key))
        {
            return;
        }

        var deps = Of(values[key]).Where(values.ContainsKey).ToList();
        foreach (var dep in JavaHashOrder.Of(deps))
        {
            Resolve(dep, values, resolved, ordered);
        }

        ordered.Add(new(key, values[key]));
    }

    /// <summary>The variable names a value refers to.</summary>
    internal static IReadOnlyList<string> Of(string value)
    {
        var deps = new List<string>();
        var inDoubleQuotes = true;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '"')
            {
                inDoubleQuotes = !inDoubleQuotes;
            }
            else if (c == '\'' && !inDoubleQuotes)
            {
                i = SkipSingleQuoted(value, i + 1);
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '$')
            {
                i = ReadName(value, i + 1, deps);
                continue;
            }

            i++;
        }

        return deps.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int SkipSingleQuoted(string value, int i)
    {
        while (i < value.Length && value[i] != '\'')
        {
            i += value[i] == '\\' ? 2 : 1;
        }

        return i;
    }

    /// <summary>Reads the name after <c>$</c> (or <c>${</c>, <c>${#</c>); returns the index of the character after it.</summary>
    private static int ReadName(string value, int i, List<string> deps)
    {
        if (i < value.Length && value[i] == '{')
        {
            i++;
            if (i < value.Length && value[i] == '#')
            {
                i++;
            }
        }

        var start = i;
        while (i < value.Length && value[i] != '$' && (i == start ? IsNameStart(value[i]) : IsNamePart(value[i])))
        {
            i++;
        }

        if (i > start)
        {
            deps.Add(value[start..i]);
        }

        // As in the NodeManager, the character that ended the name is skipped, not looked at again.
        return i + 1;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_';
}
