namespace YarnDL.Admin.Names;

/// <summary>
/// The real YARN property names (embedded list taken from Hadoop 3.x yarn-default.xml plus a few
/// YarnConfiguration-only names), with the families whose names embed a user-chosen part.
/// </summary>
public sealed class YarnPropertyNames
{
    private const string ResourceName = "YarnDL.Admin.yarn-property-names.txt";

    // Families with a user-chosen segment (queue, service, variable, resource or HA id): not checked by name.
    private static readonly string[] OpenPrefixes =
    [
        "yarn.scheduler.capacity.", "yarn.scheduler.fair.", "yarn.resource-types.", "yarn.nodemanager.resource-type.",
        "yarn.nodemanager.admin-env.", "yarn.nodemanager.aux-services.", "yarn.log-aggregation.file-controller.",
        "yarn.nodemanager.numa-awareness.", "yarn.nodemanager.csi-driver.", "yarn.nodemanager.csi-driver-adaptor.",
        "yarn.service.", "yarn.federation.", "yarn.router.",
    ];

    private static readonly Lazy<YarnPropertyNames> Embedded = new(Load);

    private readonly HashSet<string> _names;

    public YarnPropertyNames(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>The list shipped inside this assembly.</summary>
    public static YarnPropertyNames Default => Embedded.Value;

    public IReadOnlyCollection<string> All => _names;

    /// <summary>True for a listed name, a name in an open family, or a listed RM name with an HA id suffix (<c>yarn.resourcemanager.address.rm1</c>).</summary>
    public bool IsKnown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_names.Contains(name) || OpenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        int dot = name.LastIndexOf('.');
        return name.StartsWith("yarn.resourcemanager.", StringComparison.Ordinal) && dot > 0 && _names.Contains(name[..dot]);
    }

    /// <summary>The closest listed name when it is close enough to be a typo of <paramref name="name"/>; otherwise null.</summary>
    public string? SuggestFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int limit = Math.Clamp(name.Length / 8, 2, 5);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in _names)
        {
            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            int d = EditDistance.Compute(name, candidate);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    private static YarnPropertyNames Load()
    {
        using var stream = typeof(YarnPropertyNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line);
            }
        }

        return new YarnPropertyNames(names);
    }
}
