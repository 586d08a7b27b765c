using System.Xml.Linq;

namespace YarnDL.WebHdfs;

/// <summary>Reads one property of a Hadoop site file (<c>core-site.xml</c>, <c>hdfs-site.xml</c>) in a configuration
/// directory; the last definition wins, as in Hadoop's Configuration. A missing directory or file reads as unset.</summary>
public static class HadoopSiteFile
{
    /// <summary>A lookup for <paramref name="fileName"/> in <paramref name="confDir"/> (null dir: every property unset).
    /// The file is read once, on the first lookup.</summary>
    public static Func<string, string?> Reader(string? confDir, string fileName)
    {
        var props = new Lazy<IReadOnlyDictionary<string, string>>(() => Load(confDir is null ? null : Path.Combine(confDir, fileName)));
        return name => props.Value.TryGetValue(name, out var v) ? v : null;
    }

    private static Dictionary<string, string> Load(string? file)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file))
        {
            return props;
        }

        XDocument doc;
        try
        {
            doc = XDocument.Load(file);
        }
        catch (System.Xml.XmlException e)
        {
            throw new FormatException($"{file}:{e.LineNumber}:{e.LinePosition}: not a Hadoop configuration file: {e.Message}", e);
        }

        foreach (var p in doc.Descendants("property"))
        {
            if (p.Element("name")?.Value.Trim() is { Length: > 0 } name && p.Element("value")?.Value.Trim() is { } value)
            {
                props[name] = value;
            }
        }

        return props;
    }
}
