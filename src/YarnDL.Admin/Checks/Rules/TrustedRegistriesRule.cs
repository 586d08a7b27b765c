namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// Images from registries not listed in docker.trusted.registries run without the host mounts a task needs;
/// an empty list means no image is trusted.
/// </summary>
internal sealed class TrustedRegistriesRule : IConfigRule
{
    private const string Key = "docker.trusted.registries";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.DockerIntended || config.ContainerExecutor is not { } cfg)
        {
            yield break;
        }

        string? value = cfg.Get("docker", Key);
        if (ConfigValues.SplitList(value).Length == 0)
        {
            yield return FindingFactory.At(cfg, "docker", Key, RuleIds.UntrustedRegistries, Severity.Warning,
                "no registry is trusted, so every image runs untrusted (no default host mounts, no privileges) and the trainer image cannot see its data",
                "list the registry that serves your images, e.g. docker.trusted.registries=registry.example.com (only registries you control)");
        }
    }
}
