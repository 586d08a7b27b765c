namespace YarnDL.Admin.Checks;

/// <summary>File names Hadoop reads from its configuration directory, and the values the rules compare with.</summary>
public static class ConfigFileNames
{
    public const string YarnSite = "yarn-site.xml";
    public const string ResourceTypes = "resource-types.xml";
    public const string CapacityScheduler = "capacity-scheduler.xml";
    public const string FairScheduler = "fair-scheduler.xml";
    public const string ContainerExecutor = "container-executor.cfg";

    /// <summary>The NodeManager's own countable resources (<c>yarn.nodemanager.resource-type.NAME</c> = count), read beside yarn-site.xml.</summary>
    public const string NodeResources = "node-resources.xml";

    internal const string GpuResource = "yarn.io/gpu";
    internal const string PluggableGpuResource = "nvidia.com/gpu";
    internal const string LinuxContainerExecutor = "org.apache.hadoop.yarn.server.nodemanager.LinuxContainerExecutor";
    internal const string DominantResourceCalculator = "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator";
    internal const string FairSchedulerClass = "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fair.FairScheduler";
    internal const string NvidiaDockerV1 = "nvidia-docker-v1";
    internal const string NvidiaDockerV2 = "nvidia-docker-v2";
}
