using YarnDL.Admin.Config;

namespace YarnDL.Admin.Checks;

/// <summary>Everything check-config read from one configuration directory.</summary>
public sealed class ConfigSet
{
    public required HadoopConfigFile YarnSite { get; init; }

    public HadoopConfigFile? ResourceTypes { get; init; }

    public HadoopConfigFile? CapacityScheduler { get; init; }

    /// <summary>node-resources.xml, where a NodeManager can declare GPUs as a plain count instead of through the GPU plugin.</summary>
    public HadoopConfigFile? NodeResources { get; init; }

    /// <summary>
    /// The GPU count a NodeManager declares as a countable resource, <c>yarn.nodemanager.resource-type.yarn.io/gpu</c>, as Hadoop's
    /// ResourceUtils reads it: node-resources.xml, then yarn-site.xml. Null when neither declares it.
    /// </summary>
    public (HadoopConfigFile File, HadoopProperty Property)? DeclaredGpus =>
        NodeResources?.Find(NodeGpuProperty) is { } n ? (NodeResources, n)
        : YarnSite.Find(NodeGpuProperty) is { } y ? (YarnSite, y) : null;

    internal const string NodeGpuProperty = "yarn.nodemanager.resource-type." + ConfigFileNames.GpuResource;

    public FairAllocationFile? FairAllocation { get; init; }

    public ContainerExecutorConfig? ContainerExecutor { get; init; }

    /// <summary>File names of everything read, in a stable order.</summary>
    public IReadOnlyList<string> FileNames =>
        [.. new[] { YarnSite.Path, ResourceTypes?.Path, NodeResources?.Path, CapacityScheduler?.Path, FairAllocation?.Path, ContainerExecutor?.Path }
            .OfType<string>().Select(System.IO.Path.GetFileName).OfType<string>()];

    /// <summary>Where a missing resource-types property belongs: resource-types.xml when present, else yarn-site.xml.</summary>
    public HadoopConfigFile ResourceTypesHome => ResourceTypes ?? YarnSite;

    /// <summary>A yarn property as the daemons see it: yarn-site.xml first, then resource-types.xml.</summary>
    public (HadoopConfigFile File, HadoopProperty Property)? Lookup(string name)
    {
        if (YarnSite.Find(name) is { } p)
        {
            return (YarnSite, p);
        }

        return ResourceTypes?.Find(name) is { } q ? (ResourceTypes, q) : null;
    }

    public string? Get(string name) => Lookup(name)?.Property.Value;

    public string SchedulerClass =>
        Get("yarn.resourcemanager.scheduler.class")
        ?? "org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler";

    public bool UsesFairScheduler => SchedulerClass.EndsWith(".FairScheduler", StringComparison.Ordinal);

    public bool UsesCapacityScheduler => SchedulerClass.EndsWith(".CapacityScheduler", StringComparison.Ordinal);

    public bool UsesPluggableDeviceFramework => ConfigValues.IsTrue(Get("yarn.nodemanager.pluggable-device-framework.enabled"));

    /// <summary>The GPU docker plugin the NM will use (Hadoop's default is nvidia-docker-v1).</summary>
    public string GpuDockerPlugin => Get("yarn.nodemanager.resource-plugins.gpu.docker-plugin") ?? ConfigFileNames.NvidiaDockerV1;

    /// <summary>
    /// True when the files show the admin means to run Docker containers: the docker runtime is listed or is the
    /// default, the [docker] module is on, or a GPU docker plugin / docker runtime property is set.
    /// </summary>
    public bool DockerIntended =>
        ConfigValues.ListContains(Get("yarn.nodemanager.runtime.linux.allowed-runtimes"), "docker")
        || string.Equals(Get("yarn.nodemanager.runtime.linux.type"), "docker", StringComparison.Ordinal)
        || ContainerExecutorConfig.IsOn(ContainerExecutor?.Get("docker", "module.enabled"))
        || YarnSite.Find("yarn.nodemanager.resource-plugins.gpu.docker-plugin") is not null
        || YarnSite.Properties.Any(p => p.Name.StartsWith("yarn.nodemanager.runtime.linux.docker.", StringComparison.Ordinal));
}
