namespace YarnDL.Admin.Config;

/// <summary>A parsed Hadoop configuration XML file (yarn-site.xml, resource-types.xml, capacity-scheduler.xml).</summary>
public sealed class HadoopConfigFile
{
    private readonly Dictionary<string, HadoopProperty> _byName = new(StringComparer.Ordinal);

    public HadoopConfigFile(string path, int rootLine, IReadOnlyList<HadoopProperty> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Path = path;
        RootLine = rootLine;
        Properties = properties;
        foreach (var p in properties)
        {
            // Hadoop's Configuration keeps the last definition of a (non-final) property.
            _byName[p.Name] = p;
        }
    }

    /// <summary>The file as the caller named it.</summary>
    public string Path { get; }

    /// <summary>Line of the <c>&lt;configuration&gt;</c> element: where a missing property belongs.</summary>
    public int RootLine { get; }

    public IReadOnlyList<HadoopProperty> Properties { get; }

    public HadoopProperty? Find(string name) => _byName.GetValueOrDefault(name);

    public string? Get(string name) => Find(name)?.Value;
}
