namespace YarnDL.Admin.Checks;

/// <summary>Stable identifiers of the check-config rules (shown in --json output and used by tests).</summary>
public static class RuleIds
{
    public const string MalformedFile = "malformed-file";
    public const string MissingFile = "missing-file";
    public const string GpuResourceTypeMissing = "gpu-resource-type-missing";
    public const string DefaultResourceCalculator = "default-resource-calculator";
    public const string FairNotDrf = "fair-scheduler-not-drf";
    public const string ResourcePluginMissing = "gpu-resource-plugin-missing";
    public const string NotLinuxContainerExecutor = "not-linux-container-executor";
    public const string CgroupsNotConfigured = "cgroups-not-configured";
    public const string CgroupsMismatch = "cgroups-mismatch";
    public const string GpuModuleDisabled = "gpu-module-disabled";
    public const string ContainerExecutorCfgMissing = "container-executor-cfg-missing";
    public const string DockerRuntimeNotAllowed = "docker-runtime-not-allowed";
    public const string DockerModuleDisabled = "docker-module-disabled";
    public const string NvidiaRuntimeNotAllowed = "nvidia-runtime-not-allowed";
    public const string NvidiaDevicesNotAllowed = "nvidia-devices-not-allowed";
    public const string NvidiaVolumeDriverNotAllowed = "nvidia-volume-driver-not-allowed";
    public const string NvidiaDriverVolumeNotMounted = "nvidia-driver-volume-not-mounted";
    public const string UnknownGpuDockerPlugin = "unknown-gpu-docker-plugin";
    public const string PrivilegedContainers = "privileged-containers-allowed";
    public const string UntrustedRegistries = "no-trusted-registries";
    public const string ResourceLimitKeyMisspelled = "resource-limit-key-misspelled";
    public const string UnknownProperty = "unknown-yarn-property";
    public const string ExecutorGroupMismatch = "executor-group-mismatch";
    public const string NodeManagerDirsNotMountable = "nm-dirs-not-mountable";
    public const string PlacementConstraintsDisabled = "placement-constraints-disabled";
}
