namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// Per-resource limits are read as <c>yarn.resource-types.&lt;type&gt;.minimum-allocation</c> / <c>.maximum-allocation</c>;
/// the <c>.minimum</c> / <c>.maximum</c> spelling from old documentation is silently ignored.
/// </summary>
internal sealed class ResourceLimitKeyRule : IConfigRule
{
    private const string Prefix = "yarn.resource-types.";
    private static readonly string[] Suffixes = ["units", "minimum-allocation", "maximum-allocation", "increment-allocation", "tags"];

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        var files = config.ResourceTypes is null ? [config.YarnSite] : new[] { config.YarnSite, config.ResourceTypes };
        foreach (var file in files)
        {
            var types = ConfigValues.SplitList(config.Get("yarn.resource-types")).Concat(["memory-mb", "vcores"]).ToArray();
            foreach (var p in file.Properties)
            {
                if (!p.Name.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                string rest = p.Name[Prefix.Length..];
                string? type = types.Where(t => rest.StartsWith(t + ".", StringComparison.Ordinal)).MaxBy(t => t.Length);
                int dot = rest.LastIndexOf('.');
                type ??= dot > 0 ? rest[..dot] : null;
                if (type is null)
                {
                    continue;
                }

                string suffix = rest[(type.Length + 1)..];
                if (Suffixes.Contains(suffix))
                {
                    continue;
                }

                string suggestion = suffix switch
                {
                    "minimum" or "min" or "min-allocation" => "minimum-allocation",
                    "maximum" or "max" or "max-allocation" => "maximum-allocation",
                    _ => Suffixes.MinBy(s => Names.EditDistance.Compute(s, suffix))!,
                };
                yield return new Finding(Severity.Error, file.Path, p.Line, p.Name, RuleId: RuleIds.ResourceLimitKeyMisspelled,
                    Problem: $"'.{suffix}' is not a suffix Hadoop reads, so this limit is silently ignored",
                    Fix: $"rename it to {Prefix}{type}.{suggestion}");
            }
        }
    }
}
