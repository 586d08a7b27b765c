using YarnDL.Admin.Config;
using YarnDL.Admin.Names;

namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// A misspelled yarn.* property is ignored by Hadoop without a word. Names that are not real but close to a real one
/// are reported with the real name. Unknown names with no close match are left alone: they may be newer than our list.
/// </summary>
internal sealed class UnknownPropertyRule(YarnPropertyNames names) : IConfigRule
{
    public IEnumerable<Finding> Check(ConfigSet config)
    {
        var files = new List<HadoopConfigFile> { config.YarnSite };
        if (config.ResourceTypes is not null)
        {
            files.Add(config.ResourceTypes);
        }

        foreach (var file in files)
        {
            foreach (var p in file.Properties)
            {
                if (!p.Name.StartsWith("yarn.", StringComparison.Ordinal) || names.IsKnown(p.Name))
                {
                    continue;
                }

                if (names.SuggestFor(p.Name) is { } real)
                {
                    yield return new Finding(Severity.Warning, file.Path, p.Line, p.Name,
                        "is not a YARN property, so Hadoop ignores it", $"did you mean {real}?", RuleIds.UnknownProperty);
                }
            }
        }
    }
}
