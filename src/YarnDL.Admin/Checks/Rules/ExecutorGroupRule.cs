namespace YarnDL.Admin.Checks.Rules;

/// <summary>The NM and the setuid container-executor must agree on the NodeManager's group.</summary>
internal sealed class ExecutorGroupRule : IConfigRule
{
    private const string Key = "yarn.nodemanager.linux-container-executor.group";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        string? site = config.YarnSite.Get(Key);
        string? cfgValue = config.ContainerExecutor?.Get(string.Empty, Key);
        if (config.ContainerExecutor is { } cfg && site is not null && cfgValue is not null && site != cfgValue)
        {
            yield return FindingFactory.At(cfg, string.Empty, Key, RuleIds.ExecutorGroupMismatch, Severity.Error,
                $"'{cfgValue}' differs from yarn-site.xml ('{site}'), so container-executor refuses to run for the NodeManager",
                "use the same group in both files (the group the NodeManager runs as; the binary is root:<group> mode 6050)");
        }
    }
}
