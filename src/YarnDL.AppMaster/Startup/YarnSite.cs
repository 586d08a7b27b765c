using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace YarnDL.AppMaster.Startup;

/// <summary>Properties of a Hadoop configuration file (yarn-site.xml) with <c>${name}</c> expansion, and the RM scheduler addresses.</summary>
internal sealed partial class YarnSite(IReadOnlyDictionary<string, string> properties)
{
    public const int DefaultSchedulerPort = 8030;

    public static YarnSite Load(string path) => Parse(File.ReadAllText(path));

    public static YarnSite Parse(string xml)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in XDocument.Parse(xml).Descendants("property"))
        {
            if (p.Element("name")?.Value.Trim() is { Length: > 0 } name)
            {
                props[name] = p.Element("value")?.Value.Trim() ?? string.Empty;
            }
        }

        return new YarnSite(props);
    }

    public string? Get(string name)
    {
        if (!properties.TryGetValue(name, out var raw))
        {
            return null;
        }

        for (var depth = 0; depth < 20 && raw.Contains("${", StringComparison.Ordinal); depth++)
        {
            raw = Variable().Replace(raw, m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value));
        }

        return raw;
    }

    /// <summary>Scheduler addresses (host:port) in failover order: one without HA, one per rm-id with HA.</summary>
    public IReadOnlyList<string> SchedulerAddresses()
    {
        if (string.Equals(Get("yarn.resourcemanager.ha.enabled"), "true", StringComparison.OrdinalIgnoreCase)
            && Get("yarn.resourcemanager.ha.rm-ids") is { Length: > 0 } ids)
        {
            return [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => Get($"yarn.resourcemanager.scheduler.address.{id}")
                    ?? $"{Get($"yarn.resourcemanager.hostname.{id}") ?? "0.0.0.0"}:{DefaultSchedulerPort}")];
        }

        return [Get("yarn.resourcemanager.scheduler.address") ?? $"{Get("yarn.resourcemanager.hostname") ?? "0.0.0.0"}:{DefaultSchedulerPort}"];
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Variable();
}
