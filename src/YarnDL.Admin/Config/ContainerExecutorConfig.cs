namespace YarnDL.Admin.Config;

/// <summary>A parsed container-executor.cfg (global keys, then <c>[docker]</c>, <c>[gpu]</c>, <c>[cgroups]</c>, … sections).</summary>
public sealed class ContainerExecutorConfig
{
    public ContainerExecutorConfig(string path, IReadOnlyList<ContainerExecutorEntry> entries, IReadOnlyDictionary<string, int> sectionLines)
    {
        Path = path;
        Entries = entries;
        SectionLines = sectionLines;
    }

    public string Path { get; }

    public IReadOnlyList<ContainerExecutorEntry> Entries { get; }

    /// <summary>Line of each <c>[section]</c> header, by lower-case section name.</summary>
    public IReadOnlyDictionary<string, int> SectionLines { get; }

    /// <summary>The last entry for a key in a section (section "" = global); keys compare exactly.</summary>
    public ContainerExecutorEntry? Find(string section, string key) =>
        Entries.LastOrDefault(e => e.Section == section && e.Key == key);

    public string? Get(string section, string key) => Find(section, key)?.Value;

    /// <summary>Where a missing key of a section belongs: the section header, else line 1.</summary>
    public int LineFor(string section) => SectionLines.TryGetValue(section, out int line) ? line : 1;

    /// <summary>container-executor treats <c>true</c> (any case) as on; older releases also used <c>1</c>.</summary>
    public static bool IsOn(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
