namespace YarnDL.Admin.Config;

/// <summary>Reads container-executor.cfg: <c>key=value</c> lines, <c>#</c> comments, <c>[section]</c> headers.</summary>
public static class ContainerExecutorConfigParser
{
    public static ContainerExecutorConfig ParseFile(string path) => Parse(path, ConfigFileText.Read(path));

    public static ContainerExecutorConfig Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ContainerExecutorEntry>();
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        string section = string.Empty;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            int lineNo = i + 1;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw new ConfigParseException(path, lineNo, 1, $"malformed section header '{line}' (expected [name])");
                }

                section = line[1..^1].Trim().ToLowerInvariant();
                sections[section] = lineNo;
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigParseException(path, lineNo, 1, $"expected key=value, found '{line}'");
            }

            entries.Add(new ContainerExecutorEntry(section, line[..eq].Trim(), line[(eq + 1)..].Trim(), lineNo));
        }

        return new ContainerExecutorConfig(path, entries, sections);
    }
}
