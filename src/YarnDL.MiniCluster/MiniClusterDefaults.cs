namespace YarnDL.MiniCluster;

/// <summary>Named defaults of <see cref="MiniClusterOptions"/> (Hadoop's where one exists).</summary>
public static class MiniClusterDefaults
{
    public const int Nodes = 1;
    public const int GpusPerNode = 0;

    /// <summary>Set to <c>true</c> in the environment of a container given GPUs: the MiniCluster's GPUs are simulated (no
    /// device behind NVIDIA_VISIBLE_DEVICES). YarnDL's trainer reads the same name (TaskEnv.SimulatedGpus) and then runs
    /// its GPU kernels on ILGPU's CPU accelerator.</summary>
    public const string SimulatedGpusVariable = "YARNDL_SIMULATED_GPUS";
    public const long MemoryMbPerNode = 8192;
    public const int VCoresPerNode = 8;
    public const string StaticUser = "dr.who";
    public const string AdminAcl = "*";
    public const string PlacementConstraintsHandler = "scheduler";
    public const int MaxAppAttempts = 2;
    public const long MinAllocationMb = 1024;
    public const int MinAllocationVCores = 1;
    public const string HadoopVersion = "3.4.1";

    /// <summary><c>yarn.nodemanager.user-home-dir</c>'s default: every container's HOME.</summary>
    public const string UserHomeDir = "/home/";

    /// <summary>The PATH a typical image sets (Debian/Ubuntu base images' ENV), for containers of the docker runtime.</summary>
    public const string ImagePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary><c>yarn.nodemanager.env-whitelist</c>'s default in yarn-default.xml.</summary>
    public static readonly IReadOnlyList<string> EnvWhitelist =
        ["JAVA_HOME", "HADOOP_COMMON_HOME", "HADOOP_HDFS_HOME", "HADOOP_CONF_DIR", "CLASSPATH_PREPEND_DISTCACHE", "HADOOP_YARN_HOME", "HADOOP_HOME", "PATH", "LANG", "TZ"];
    public static readonly TimeSpan KillGracePeriod = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan PreemptionGracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>NodeStatusUpdaterImpl's default <c>yarn.nodemanager.duration-to-track-stopped-containers</c>: 600000 ms.</summary>
    public static readonly TimeSpan NmDurationToTrackStoppedContainers = TimeSpan.FromMinutes(10);

    /// <summary>Hadoop's <c>yarn.resourcemanager.am-rm-tokens.master-key-rolling-interval-secs</c> default: a day.</summary>
    public static readonly TimeSpan AmRmTokenRollingInterval = TimeSpan.FromDays(1);

    /// <summary>Hadoop's <c>yarn.am.liveness-monitor.expiry-interval-ms</c> default: 15 minutes.</summary>
    public static readonly TimeSpan AmLivenessExpiryInterval = TimeSpan.FromMinutes(15);

    /// <summary>yarn.resourcemanager.work-preserving-recovery.scheduling-wait-ms (10000).</summary>
    public static readonly TimeSpan WorkPreservingRecoverySchedulingWait = TimeSpan.FromSeconds(10);

    /// <summary><c>yarn.nodemanager.remote-app-log-dir</c>'s default.</summary>
    public const string RemoteAppLogDir = "/tmp/logs";
}
