namespace YarnDL.Admin.Checks.Rules;

/// <summary>Privileged containers bypass GPU device isolation and uid remapping; training jobs never need them.</summary>
internal sealed class PrivilegedContainersRule : IConfigRule
{
    private const string SiteProperty = "yarn.nodemanager.runtime.linux.docker.privileged-containers.allowed";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (ConfigValues.IsTrue(config.YarnSite.Get(SiteProperty)))
        {
            yield return FindingFactory.At(config.YarnSite, SiteProperty, RuleIds.PrivilegedContainers, Severity.Warning,
                "privileged Docker containers are allowed: they see every GPU and can act as root on the host",
                $"set {SiteProperty}=false (YarnDL jobs never need privileged containers)");
        }

        if (config.ContainerExecutor is { } cfg && Config.ContainerExecutorConfig.IsOn(cfg.Get("docker", "docker.privileged-containers.enabled")))
        {
            yield return FindingFactory.At(cfg, "docker", "docker.privileged-containers.enabled", RuleIds.PrivilegedContainers, Severity.Warning,
                "container-executor allows privileged Docker containers, which escape GPU isolation",
                "set docker.privileged-containers.enabled=false in the [docker] section");
        }
    }
}
