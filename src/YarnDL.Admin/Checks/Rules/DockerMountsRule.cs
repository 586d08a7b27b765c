namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// Docker containers bind-mount the NM local and log dirs read-write; container-executor refuses any path not
/// under <c>docker.allowed.rw-mounts</c> ("Invalid docker rw mount").
/// </summary>
internal sealed class DockerMountsRule : IConfigRule
{
    private static readonly string[] DirProperties = ["yarn.nodemanager.local-dirs", "yarn.nodemanager.log-dirs"];

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.DockerIntended || config.ContainerExecutor is not { } cfg)
        {
            yield break;
        }

        string[] mounts = ConfigValues.SplitList(cfg.Get("docker", "docker.allowed.rw-mounts"))
            .Select(m => m.TrimEnd('/')).ToArray();
        foreach (string property in DirProperties)
        {
            // Unset or ${...}-relative values cannot be resolved here; nothing to compare.
            string? value = config.YarnSite.Get(property);
            var missing = ConfigValues.SplitList(value)
                .Select(d => d.StartsWith("file://", StringComparison.Ordinal) ? d["file://".Length..] : d)
                .Where(d => !d.Contains("${", StringComparison.Ordinal))
                .Where(d => !mounts.Any(m => d == m || d.StartsWith(m + "/", StringComparison.Ordinal)))
                .ToList();
            if (missing.Count > 0)
            {
                yield return FindingFactory.At(cfg, "docker", "docker.allowed.rw-mounts", RuleIds.NodeManagerDirsNotMountable, Severity.Error,
                    $"does not cover {property} ({string.Join(", ", missing)}), so Docker containers fail with 'Invalid docker rw mount'",
                    $"add {string.Join(",", missing)} to docker.allowed.rw-mounts");
            }
        }
    }
}
