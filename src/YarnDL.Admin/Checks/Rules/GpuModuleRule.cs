namespace YarnDL.Admin.Checks.Rules;

/// <summary>container-executor.cfg must enable its [gpu] module, or the setuid binary refuses GPU isolation.</summary>
internal sealed class GpuModuleRule : IConfigRule
{
    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (config.ContainerExecutor is not { } cfg)
        {
            yield return new Finding(Severity.Warning,
                Path.Combine(Path.GetDirectoryName(config.YarnSite.Path) ?? ".", ConfigFileNames.ContainerExecutor), 1,
                ConfigFileNames.ContainerExecutor,
                "not found, so the [gpu], [docker] and [cgroups] settings of the setuid container-executor were not checked",
                "pass --container-executor /etc/hadoop/container-executor.cfg (wherever the container-executor binary reads it)",
                RuleIds.ContainerExecutorCfgMissing);
            yield break;
        }

        string? value = cfg.Get("gpu", "module.enabled");
        if (Config.ContainerExecutorConfig.IsOn(value))
        {
            yield break;
        }

        string problem = value is null
            ? "not set, so container-executor refuses GPU device isolation (module disabled)"
            : $"'{value}' disables GPU device isolation in container-executor";
        yield return FindingFactory.At(cfg, "gpu", "module.enabled", RuleIds.GpuModuleDisabled, Severity.Error, problem,
            "add a [gpu] section with module.enabled=true to container-executor.cfg");
    }
}
