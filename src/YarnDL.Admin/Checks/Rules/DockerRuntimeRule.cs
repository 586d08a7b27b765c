namespace YarnDL.Admin.Checks.Rules;

/// <summary>When Docker is meant to be used, the NM must allow the docker runtime and container-executor its [docker] module.</summary>
internal sealed class DockerRuntimeRule : IConfigRule
{
    private const string AllowedRuntimes = "yarn.nodemanager.runtime.linux.allowed-runtimes";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.DockerIntended)
        {
            yield break;
        }

        string? runtimes = config.YarnSite.Get(AllowedRuntimes);
        if (!ConfigValues.ListContains(runtimes, "docker"))
        {
            yield return FindingFactory.At(config.YarnSite, AllowedRuntimes, RuleIds.DockerRuntimeNotAllowed, Severity.Error,
                $"'{runtimes ?? "default"}' does not allow the docker runtime, so YARN_CONTAINER_RUNTIME_TYPE=docker containers are rejected",
                $"set {AllowedRuntimes} to default,docker");
        }

        if (config.ContainerExecutor is { } cfg && !Config.ContainerExecutorConfig.IsOn(cfg.Get("docker", "module.enabled")))
        {
            yield return FindingFactory.At(cfg, "docker", "module.enabled", RuleIds.DockerModuleDisabled, Severity.Error,
                "the [docker] module is not enabled, so container-executor refuses to launch Docker containers (FEATURE_DISABLED, exit 32)",
                "add a [docker] section with module.enabled=true to container-executor.cfg");
        }
    }
}
