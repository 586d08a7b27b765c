namespace YarnDL.Admin.Checks.Rules;

/// <summary>GPU isolation and Docker both need the LinuxContainerExecutor.</summary>
internal sealed class LinuxContainerExecutorRule : IConfigRule
{
    private const string Property = "yarn.nodemanager.container-executor.class";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        string? value = config.YarnSite.Get(Property);
        if (value == ConfigFileNames.LinuxContainerExecutor)
        {
            yield break;
        }

        string problem = value is null
            ? "not set: the DefaultContainerExecutor cannot isolate GPUs or run Docker containers"
            : $"'{value}' cannot isolate GPUs or run Docker containers";
        yield return FindingFactory.At(config.YarnSite, Property, RuleIds.NotLinuxContainerExecutor, Severity.Error, problem,
            $"set {Property} to {ConfigFileNames.LinuxContainerExecutor} (container-executor binary root:hadoop mode 6050) and restart the NodeManagers");
    }
}
