using System.Text.RegularExpressions;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Conf;

/// <summary>
/// Node attribute settings as Hadoop parses them: a NodeManager's
/// <c>yarn.nodemanager.node-attributes.provider.configured-node-attributes</c> ("name,STRING,value:name2,STRING,value2", prefix
/// nm.yarn.io added, a '/' refused), and the centralized ones an admin adds ("name=value,name2=value2", prefix rm.yarn.io).
/// Names and values follow NodeLabelUtil (Hadoop 3.3): name [0-9a-zA-Z][0-9a-zA-Z-_]*, value [0-9a-zA-Z][0-9a-zA-Z-_.]*, at most 255.
/// </summary>
internal static partial class NodeAttributesConfig
{
    public const string ProviderKey = "yarn.nodemanager.node-attributes.provider";
    public const string ConfiguredKey = "yarn.nodemanager.node-attributes.provider.configured-node-attributes";
    private const int MaxLength = 255;

    /// <summary>The provider's format; throws <see cref="FormatException"/> with Hadoop's reason.</summary>
    public static IReadOnlyList<NodeAttribute> ParseConfigured(string? config)
    {
        if (string.IsNullOrEmpty(config)) return [];
        var result = new List<NodeAttribute>();
        foreach (var item in config.Split(':'))
        {
            var fields = item.Split(',');
            if (fields.Length != 3) throw new FormatException($"{ConfiguredKey}: '{item}' is not name,STRING,value");
            if (fields[0].Contains('/', StringComparison.Ordinal))
                throw new FormatException($"{ConfiguredKey}: '{fields[0]}' has a prefix; the NodeManager adds {NodeAttribute.DistributedPrefix} itself");
            if (fields[1] != NodeAttribute.Type) throw new FormatException($"{ConfiguredKey}: type '{fields[1]}' is not {NodeAttribute.Type}, the only node attribute type");
            Add(result, new NodeAttribute(NodeAttribute.DistributedPrefix, fields[0].Trim(), fields[2].Trim()));
        }

        return result;
    }

    /// <summary>"name=value,..." as centralized (rm.yarn.io) attributes.</summary>
    public static IReadOnlyList<NodeAttribute> ParseCentralized(string? config)
    {
        if (string.IsNullOrEmpty(config)) return [];
        var result = new List<NodeAttribute>();
        foreach (var item in config.Split(','))
        {
            var at = item.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0) throw new FormatException($"'{item}' is not name=value");
            Add(result, new NodeAttribute(NodeAttribute.CentralizedPrefix, item[..at].Trim(), item[(at + 1)..].Trim()));
        }

        return result;
    }

    private static void Add(List<NodeAttribute> into, NodeAttribute a)
    {
        if (a.Name.Length is 0 or > MaxLength || !Name().IsMatch(a.Name))
            throw new FormatException($"bad node attribute name '{a.Name}': 1 to 255 of 0-9, a-z, A-Z, '-', '_', not starting with '-' or '_'");
        if (a.Value.Length > MaxLength || (a.Value.Length > 0 && !Value().IsMatch(a.Value)))
            throw new FormatException($"bad node attribute value '{a.Value}': at most 255 of 0-9, a-z, A-Z, '-', '_', '.', not starting with '-', '_' or '.'");
        if (into.Any(x => x.Prefix == a.Prefix && x.Name == a.Name))
            throw new FormatException($"node attribute {a.Prefix}/{a.Name} is given twice");
        into.Add(a);
    }

    [GeneratedRegex("^[0-9a-zA-Z][0-9a-zA-Z_-]*$")]
    private static partial Regex Name();

    [GeneratedRegex("^[0-9a-zA-Z][0-9a-zA-Z_.-]*$")]
    private static partial Regex Value();
}
