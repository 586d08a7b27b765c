namespace YarnDL.Admin.Checks.Rules;

/// <summary>NodeManagers discover and isolate GPUs only with the yarn.io/gpu resource plugin.</summary>
internal sealed class ResourcePluginRule : IConfigRule
{
    private const string Property = "yarn.nodemanager.resource-plugins";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (config.UsesPluggableDeviceFramework)
        {
            yield break;
        }

        string? value = config.YarnSite.Get(Property);
        if (ConfigValues.ListContains(value, ConfigFileNames.GpuResource))
        {
            yield break;
        }

        string problem = value is null
            ? "not set, so NodeManagers report 0 GPUs and do not isolate them"
            : $"'{value}' does not list {ConfigFileNames.GpuResource}, so NodeManagers report 0 GPUs";
        yield return FindingFactory.At(config.YarnSite, Property, RuleIds.ResourcePluginMissing, Severity.Error, problem,
            $"set {Property} to {ConfigFileNames.GpuResource} in every GPU NodeManager's yarn-site.xml and restart the NodeManagers");
    }
}
