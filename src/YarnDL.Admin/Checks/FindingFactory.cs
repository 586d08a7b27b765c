using YarnDL.Admin.Config;

namespace YarnDL.Admin.Checks;

/// <summary>Builds findings that point at a property, or at the place a missing one belongs.</summary>
internal static class FindingFactory
{
    public static Finding At(HadoopConfigFile file, string property, string ruleId, Severity severity, string problem, string fix) =>
        new(severity, file.Path, file.Find(property)?.Line ?? file.RootLine, property, problem, fix, ruleId);

    public static Finding At(ContainerExecutorConfig cfg, string section, string key, string ruleId, Severity severity, string problem, string fix)
    {
        int line = cfg.Find(section, key)?.Line ?? cfg.LineFor(section);
        string property = section.Length == 0 ? key : $"[{section}] {key}";
        return new Finding(severity, cfg.Path, line, property, problem, fix, ruleId);
    }
}
