using System.Text.RegularExpressions;

namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// GPUs reach a Docker container through the NM's GPU docker plugin: nvidia-docker-v2 adds <c>--runtime=nvidia</c>
/// (container-executor must allow that runtime); nvidia-docker-v1 adds <c>--device</c> flags and the
/// <c>nvidia_driver_&lt;version&gt;</c> volume (devices, volume driver and read-only mount must be allowed).
/// </summary>
internal sealed partial class NvidiaDockerRule : IConfigRule
{
    private const string PluginProperty = "yarn.nodemanager.resource-plugins.gpu.docker-plugin";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.DockerIntended || !ConfigValues.ListContains(config.YarnSite.Get("yarn.nodemanager.resource-plugins"), ConfigFileNames.GpuResource))
        {
            return [];
        }

        string plugin = config.GpuDockerPlugin;
        if (plugin != ConfigFileNames.NvidiaDockerV1 && plugin != ConfigFileNames.NvidiaDockerV2)
        {
            return [FindingFactory.At(config.YarnSite, PluginProperty, RuleIds.UnknownGpuDockerPlugin, Severity.Error,
                $"'{plugin}' is not a GPU docker plugin; the NodeManager fails to start its GPU plugin",
                $"set {PluginProperty} to {ConfigFileNames.NvidiaDockerV2} (or {ConfigFileNames.NvidiaDockerV1})")];
        }

        if (config.ContainerExecutor is not { } cfg)
        {
            return [];
        }

        return plugin == ConfigFileNames.NvidiaDockerV2 ? CheckV2(cfg) : CheckV1(cfg);
    }

    private static IEnumerable<Finding> CheckV2(Config.ContainerExecutorConfig cfg)
    {
        if (!ConfigValues.ListContains(cfg.Get("docker", "docker.allowed.runtimes"), "nvidia"))
        {
            yield return FindingFactory.At(cfg, "docker", "docker.allowed.runtimes", RuleIds.NvidiaRuntimeNotAllowed, Severity.Error,
                "the nvidia runtime is not allowed, so nvidia-docker-v2 GPU containers fail to launch",
                "add nvidia to docker.allowed.runtimes in the [docker] section (and register the nvidia runtime in /etc/docker/daemon.json)");
        }
    }

    private static IEnumerable<Finding> CheckV1(Config.ContainerExecutorConfig cfg)
    {
        string[] devices = ConfigValues.SplitList(cfg.Get("docker", "docker.allowed.devices"));
        bool hasGpu = devices.Any(d => GpuDevice().IsMatch(d));
        if (!devices.Contains("/dev/nvidiactl") || !devices.Contains("/dev/nvidia-uvm") || !hasGpu)
        {
            yield return FindingFactory.At(cfg, "docker", "docker.allowed.devices", RuleIds.NvidiaDevicesNotAllowed, Severity.Error,
                "does not allow /dev/nvidiactl, /dev/nvidia-uvm and the /dev/nvidiaN GPUs, so nvidia-docker-v1 cannot pass GPUs in",
                "list the output of ls /dev/nvidia* in docker.allowed.devices, e.g. /dev/nvidiactl,/dev/nvidia-uvm,/dev/nvidia-uvm-tools,/dev/nvidia0");
        }

        if (!ConfigValues.ListContains(cfg.Get("docker", "docker.allowed.volume-drivers"), "nvidia-docker"))
        {
            yield return FindingFactory.At(cfg, "docker", "docker.allowed.volume-drivers", RuleIds.NvidiaVolumeDriverNotAllowed, Severity.Error,
                "the nvidia-docker volume driver is not allowed, so the driver volume cannot be created",
                "add nvidia-docker to docker.allowed.volume-drivers");
        }

        if (!ConfigValues.SplitList(cfg.Get("docker", "docker.allowed.ro-mounts")).Any(m => m.StartsWith("nvidia_driver_", StringComparison.Ordinal)))
        {
            yield return FindingFactory.At(cfg, "docker", "docker.allowed.ro-mounts", RuleIds.NvidiaDriverVolumeNotMounted, Severity.Error,
                "does not include the nvidia_driver_<version> volume, so containers get no CUDA driver libraries",
                "add nvidia_driver_<driver version> (see docker volume ls on the node) to docker.allowed.ro-mounts");
        }
    }

    [GeneratedRegex(@"^/dev/nvidia[0-9]+$")]
    private static partial Regex GpuDevice();
}
