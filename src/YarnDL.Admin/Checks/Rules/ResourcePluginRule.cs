namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// NodeManagers report GPUs either through the yarn.io/gpu resource plugin (discovered and isolated) or as a countable resource
/// declared in node-resources.xml or yarn-site.xml (<c>yarn.nodemanager.resource-type.yarn.io/gpu</c>: reported, not isolated).
/// Both are valid; only a NodeManager with neither reports 0 GPUs.
/// </summary>
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

        if (config.DeclaredGpus is { } declared)
        {
            // A declared count is reported as it is: valid, without device isolation. Only a value that is not a count is wrong.
            if (!long.TryParse(declared.Property.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                yield return FindingFactory.At(declared.File, declared.Property.Name, RuleIds.ResourcePluginMissing, Severity.Error,
                    $"'{declared.Property.Value}' is not a GPU count, so the NodeManager fails to start",
                    $"set {declared.Property.Name} to the number of GPUs of the node, e.g. 4");
            }

            yield break;
        }

        string problem = value is null
            ? $"not set and no {ConfigSet.NodeGpuProperty} count in {ConfigFileNames.NodeResources} or yarn-site.xml, so NodeManagers report 0 GPUs"
            : $"'{value}' does not list {ConfigFileNames.GpuResource}, so NodeManagers report 0 GPUs";
        yield return FindingFactory.At(config.YarnSite, Property, RuleIds.ResourcePluginMissing, Severity.Error, problem,
            $"set {Property} to {ConfigFileNames.GpuResource} in every GPU NodeManager's yarn-site.xml (GPUs discovered and isolated), or declare {ConfigSet.NodeGpuProperty} = N in its {ConfigFileNames.NodeResources}, then restart the NodeManagers");
    }
}
