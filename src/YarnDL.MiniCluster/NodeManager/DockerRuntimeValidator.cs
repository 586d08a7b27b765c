using System.Text.RegularExpressions;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>Checks the docker-runtime environment variables as DockerLinuxContainerRuntime would; no engine runs.</summary>
internal static partial class DockerRuntimeValidator
{
    public const string RuntimeType = "YARN_CONTAINER_RUNTIME_TYPE";
    public const string Image = "YARN_CONTAINER_RUNTIME_DOCKER_IMAGE";
    public const string Privileged = "YARN_CONTAINER_RUNTIME_DOCKER_RUN_PRIVILEGED_CONTAINER";

    // Exit code of the launch failure as ContainerExecutor reports a runtime exception.
    private const int LaunchFailed = 7;

    [GeneratedRegex(@"^(([a-zA-Z0-9.-]+)(:\d+)?/)?([a-z0-9_./-]+)(:[\w.-]+)?$")]
    private static partial Regex ImagePattern();

    public static void Validate(IReadOnlyDictionary<string, string> env, MiniClusterOptions options)
    {
        if (!env.TryGetValue(RuntimeType, out var type) || !string.Equals(type, "docker", StringComparison.OrdinalIgnoreCase))
            return;

        if (!env.TryGetValue(Image, out var image) || string.IsNullOrEmpty(image))
            throw new ContainerLaunchException("Exception from container-launch: Docker image not specified (" + Image + " is empty)", LaunchFailed);
        if (!ImagePattern().IsMatch(image))
            throw new ContainerLaunchException($"Exception from container-launch: Image name '{image}' doesn't match docker image name pattern", LaunchFailed);
        if (options.DockerImageAllowList.Count > 0
            && !options.DockerImageAllowList.Any(p => Regex.IsMatch(image, "^" + p + "$", RegexOptions.None, TimeSpan.FromSeconds(1))))
            throw new ContainerLaunchException($"Exception from container-launch: Image '{image}' is not a trusted/allowed image", LaunchFailed);

        if (env.TryGetValue(Privileged, out var priv) && !string.IsNullOrEmpty(priv))
        {
            if (!string.Equals(priv, "true", StringComparison.OrdinalIgnoreCase))
                throw new ContainerLaunchException($"Exception from container-launch: Value '{priv}' is invalid for {Privileged}, only 'true' is allowed", LaunchFailed);
            if (!options.DockerPrivilegedAllowed)
                throw new ContainerLaunchException("Exception from container-launch: Privileged containers are disabled", LaunchFailed);
        }
    }
}
