using YarnDL.MiniCluster;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class DockerRuntimeValidatorTests
{
    private static Dictionary<string, string> Docker(string image, string? privileged = null)
    {
        var env = new Dictionary<string, string> { ["YARN_CONTAINER_RUNTIME_TYPE"] = "docker", ["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] = image };
        if (privileged is not null) env["YARN_CONTAINER_RUNTIME_DOCKER_RUN_PRIVILEGED_CONTAINER"] = privileged;
        return env;
    }

    [Fact]
    public void Valid_image_passes_without_allow_list() =>
        DockerRuntimeValidator.Validate(Docker("registry.local:5000/dl/trainer:1.2"), new MiniClusterOptions());

    [Fact]
    public void Image_with_upper_case_repository_is_refused()
    {
        var ex = Assert.Throws<ContainerLaunchException>(() => DockerRuntimeValidator.Validate(Docker("Bad/Image"), new MiniClusterOptions()));
        Assert.Contains("doesn't match docker image name pattern", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_outside_allow_list_is_refused()
    {
        var options = new MiniClusterOptions { DockerImageAllowList = ["library/.*"] };
        DockerRuntimeValidator.Validate(Docker("library/ubuntu:22.04"), options);
        Assert.Throws<ContainerLaunchException>(() => DockerRuntimeValidator.Validate(Docker("evil/miner"), options));
    }

    [Fact]
    public void Privileged_is_refused_unless_enabled()
    {
        var ex = Assert.Throws<ContainerLaunchException>(() => DockerRuntimeValidator.Validate(Docker("a/b", "true"), new MiniClusterOptions()));
        Assert.Contains("Privileged containers are disabled", ex.Message, StringComparison.Ordinal);
        DockerRuntimeValidator.Validate(Docker("a/b", "true"), new MiniClusterOptions { DockerPrivilegedAllowed = true });
    }

    [Fact]
    public void Non_docker_env_is_not_checked() =>
        DockerRuntimeValidator.Validate(new Dictionary<string, string> { ["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] = "BAD" }, new MiniClusterOptions());
}
