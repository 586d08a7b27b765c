namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// GPU isolation goes through the cgroups devices controller: the NM must either mount cgroups itself or be told
/// where they are, and container-executor.cfg's [cgroups] section must agree with yarn-site.xml.
/// </summary>
internal sealed class CgroupsRule : IConfigRule
{
    private const string Mount = "yarn.nodemanager.linux-container-executor.cgroups.mount";
    private const string MountPath = "yarn.nodemanager.linux-container-executor.cgroups.mount-path";
    private const string Hierarchy = "yarn.nodemanager.linux-container-executor.cgroups.hierarchy";
    private const string DefaultHierarchy = "/hadoop-yarn";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        var site = config.YarnSite;
        bool mounts = ConfigValues.IsTrue(site.Get(Mount));
        string? mountPath = site.Get(MountPath);
        if (!mounts && string.IsNullOrWhiteSpace(mountPath))
        {
            yield return FindingFactory.At(site, Mount, RuleIds.CgroupsNotConfigured, Severity.Error,
                "cgroups are neither mounted by the NodeManager nor located by mount-path, so GPU devices cannot be isolated ('Controller devices not mounted')",
                $"set {Mount}=true and {MountPath}=/sys/fs/cgroup (or pre-mount the devices controller and set {MountPath})");
        }

        if (config.ContainerExecutor is not { } cfg)
        {
            yield break;
        }

        string hierarchy = site.Get(Hierarchy) ?? DefaultHierarchy;
        string? cfgHierarchy = cfg.Get("cgroups", "yarn-hierarchy");
        if (cfgHierarchy is not null && cfgHierarchy != hierarchy)
        {
            yield return FindingFactory.At(cfg, "cgroups", "yarn-hierarchy", RuleIds.CgroupsMismatch, Severity.Error,
                $"'{cfgHierarchy}' differs from {Hierarchy} ('{hierarchy}'), so container-executor writes to the wrong cgroup",
                $"make [cgroups] yarn-hierarchy and {Hierarchy} the same path");
        }

        string? cfgRoot = cfg.Get("cgroups", "root");
        if (cfgRoot is not null && !string.IsNullOrWhiteSpace(mountPath) && cfgRoot.TrimEnd('/') != mountPath.TrimEnd('/'))
        {
            yield return FindingFactory.At(cfg, "cgroups", "root", RuleIds.CgroupsMismatch, Severity.Error,
                $"'{cfgRoot}' differs from {MountPath} ('{mountPath}')",
                $"make [cgroups] root and {MountPath} the same path");
        }
    }
}
