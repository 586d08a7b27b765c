using YarnDL.Admin.Checks.Rules;
using YarnDL.Admin.Names;

namespace YarnDL.Admin.Checks;

/// <summary>Runs every GPU/Docker misconfiguration rule over a Hadoop configuration directory.</summary>
public sealed class ConfigChecker
{
    private readonly IReadOnlyList<IConfigRule> _rules;

    public ConfigChecker()
        : this(YarnPropertyNames.Default)
    {
    }

    public ConfigChecker(YarnPropertyNames names)
    {
        _rules =
        [
            new GpuResourceTypeRule(), new ResourceCalculatorRule(), new FairSchedulerPolicyRule(), new ResourcePluginRule(),
            new LinuxContainerExecutorRule(), new CgroupsRule(), new GpuModuleRule(), new DockerRuntimeRule(),
            new NvidiaDockerRule(), new PrivilegedContainersRule(), new TrustedRegistriesRule(), new ResourceLimitKeyRule(),
            new UnknownPropertyRule(names), new ExecutorGroupRule(), new DockerMountsRule(), new PlacementHandlerRule(),
        ];
    }

    /// <param name="confDir">Directory holding yarn-site.xml (and resource-types.xml, capacity-scheduler.xml, …).</param>
    /// <param name="containerExecutorCfg">container-executor.cfg when it is not in <paramref name="confDir"/>.</param>
    public CheckReport Check(string confDir, string? containerExecutorCfg = null)
    {
        ArgumentNullException.ThrowIfNull(confDir);
        if (!Directory.Exists(confDir))
        {
            return new CheckReport(
                [new Finding(Severity.Error, confDir, 0, "--conf-dir", "directory not found", "pass the Hadoop configuration directory", RuleIds.MissingFile)],
                InputUnreadable: true);
        }

        var loader = new ConfigLoader();
        var set = loader.Load(confDir, containerExecutorCfg);
        if (set is null || loader.Problems.Count > 0)
        {
            return new CheckReport(loader.Problems, InputUnreadable: true);
        }

        return Check(set);
    }

    /// <summary>Runs the rules over files already loaded.</summary>
    public CheckReport Check(ConfigSet config)
    {
        var findings = _rules.SelectMany(r => r.Check(config))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return new CheckReport(findings, InputUnreadable: false) { FilesRead = config.FileNames };
    }
}
