namespace YarnDL.MiniCluster;

/// <summary>Shape and behaviour knobs of a <see cref="MiniYarnCluster"/>; defaults in <see cref="MiniClusterDefaults"/>.</summary>
public sealed class MiniClusterOptions
{
    public int Nodes { get; init; } = MiniClusterDefaults.Nodes;
    public int GpusPerNode { get; init; } = MiniClusterDefaults.GpusPerNode;
    public long MemoryMbPerNode { get; init; } = MiniClusterDefaults.MemoryMbPerNode;
    public int VCoresPerNode { get; init; } = MiniClusterDefaults.VCoresPerNode;

    /// <summary>Fixed RM REST port; 0 picks a free one.</summary>
    public int RmPort { get; init; }

    /// <summary>Two RMs (rm1 active, rm2 standby) sharing state; the standby redirects as Hadoop's does.</summary>
    public bool HighAvailability { get; init; }

    /// <summary>Users whose HDFS home <c>/user/NAME</c> exists and is theirs (null: the OS user, alice and bob). The OS
    /// user who starts the cluster is the HDFS superuser; <c>/tmp</c> is 1777.</summary>
    public IReadOnlyList<string>? HdfsHomeUsers { get; init; }

    /// <summary>Delay the imitated NameNode adds to each CREATE (real HDFS: about 500 ms for a small file).</summary>
    public TimeSpan WebHdfsCreateLatency { get; init; }

    /// <summary>Root of the cluster's files (conf, WebHDFS, NM local/log dirs). A temp dir when null.</summary>
    public string? WorkDir { get; init; }

    /// <summary><c>hadoop.http.authentication.simple.anonymous.allowed</c>.</summary>
    public bool AnonymousAllowed { get; init; } = true;

    /// <summary><c>hadoop.http.staticuser.user</c>; anonymous writes run as this user. Null: anonymous writes get 401.</summary>
    public string? StaticUser { get; init; } = MiniClusterDefaults.StaticUser;

    /// <summary><c>yarn.acl.enable</c>: when true only the owner, <see cref="AdminAcl"/> and the app's MODIFY_APP ACL may kill an app.</summary>
    public bool AclEnabled { get; init; }

    /// <summary><c>yarn.admin.acl</c>: "user1,user2 group1" or "*" (Hadoop's default: everyone).</summary>
    public string AdminAcl { get; init; } = MiniClusterDefaults.AdminAcl;

    /// <summary><c>yarn.resourcemanager.placement-constraints.handler</c>: <c>scheduler</c> (as the sample yarn-site.xml sets it; the
    /// CapacityScheduler places SchedulingRequests) or <c>disabled</c> (Hadoop's default: allocate calls carrying them fail).</summary>
    public string PlacementConstraintsHandler { get; init; } = MiniClusterDefaults.PlacementConstraintsHandler;

    /// <summary><c>yarn.log-aggregation-enable</c> (Hadoop's default: false): when an application ends, each NodeManager
    /// uploads its containers' logs as a TFile under <see cref="RemoteAppLogDir"/> and deletes its local copies.</summary>
    public bool LogAggregation { get; init; }

    /// <summary><c>yarn.nodemanager.remote-app-log-dir</c>, a path in the MiniCluster's HDFS.</summary>
    public string RemoteAppLogDir { get; init; } = MiniClusterDefaults.RemoteAppLogDir;

    /// <summary><c>yarn.resourcemanager.am.max-attempts</c>.</summary>
    public int MaxAppAttempts { get; init; } = MiniClusterDefaults.MaxAppAttempts;

    public long MinAllocationMb { get; init; } = MiniClusterDefaults.MinAllocationMb;
    public int MinAllocationVCores { get; init; } = MiniClusterDefaults.MinAllocationVCores;

    /// <summary>Leaf queues and their capacities in percent (summing to 100).</summary>
    public IReadOnlyDictionary<string, double> Queues { get; init; } = new Dictionary<string, double> { ["default"] = 100 };

    /// <summary>Docker images allowed (regex, anchored); empty allows any image that passes Hadoop's syntax check.</summary>
    public IReadOnlyList<string> DockerImageAllowList { get; init; } = [];

    /// <summary><c>docker.privileged-containers.enabled</c> in container-executor.cfg.</summary>
    public bool DockerPrivilegedAllowed { get; init; }

    /// <summary>Time between SIGTERM and SIGKILL of a container's process group (<c>yarn.nodemanager.sleep-delay-before-sigkill.ms</c>).</summary>
    public TimeSpan KillGracePeriod { get; init; } = MiniClusterDefaults.KillGracePeriod;

    /// <summary>Time between the preemption message and the kill with -102.</summary>
    public TimeSpan PreemptionGracePeriod { get; init; } = MiniClusterDefaults.PreemptionGracePeriod;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary><c>yarn.nodemanager.recovery.enabled</c> with <c>yarn.nodemanager.recovery.supervised</c>: a NodeManager that
    /// stops keeps its containers running and recovers them when it starts again. False (Hadoop's default): a stopping NM
    /// kills its containers (-107, "Application killed on shutdown").</summary>
    public bool NmRecoverySupervised { get; init; }

    /// <summary><c>yarn.nodemanager.duration-to-track-stopped-containers</c>: how long an NM keeps a completed container in
    /// its recently-stopped set, where stopping it again succeeds.</summary>
    public TimeSpan NmDurationToTrackStoppedContainers { get; init; } = MiniClusterDefaults.NmDurationToTrackStoppedContainers;

    /// <summary><c>yarn.resourcemanager.am-rm-tokens.master-key-rolling-interval-secs</c>: how often the AMRMToken master key
    /// rolls. Must be more than 3 × <see cref="AmLivenessExpiryInterval"/>, as Hadoop checks.</summary>
    public TimeSpan AmRmTokenRollingInterval { get; init; } = MiniClusterDefaults.AmRmTokenRollingInterval;

    /// <summary><c>yarn.am.liveness-monitor.expiry-interval-ms</c>. A rolled AMRMToken key becomes the only valid one
    /// (the old key is retired) 1.5 × this after the roll (<see cref="AmRmTokenActivationDelay"/>).</summary>
    public TimeSpan AmLivenessExpiryInterval { get; init; } = MiniClusterDefaults.AmLivenessExpiryInterval;

    /// <summary>yarn.resourcemanager.work-preserving-recovery.scheduling-wait-ms: for this long after an RM restart the RM answers
    /// with its configured maximum allocation (ClusterNodeTracker.getMaxAllowedAllocation), in which a resource type with no
    /// configured maximum, yarn.io/gpu here, reads Long.MAX_VALUE.</summary>
    public TimeSpan WorkPreservingRecoverySchedulingWait { get; init; } = MiniClusterDefaults.WorkPreservingRecoverySchedulingWait;

    /// <summary>AMRMTokenSecretManager's activation delay: 1.5 × <see cref="AmLivenessExpiryInterval"/>.</summary>
    public TimeSpan AmRmTokenActivationDelay => AmLivenessExpiryInterval * 1.5;

    /// <summary><c>yarn.nodemanager.env-whitelist</c>: variables a container gets from the NodeManager's own environment
    /// (as <c>export K=${K:-"V"}</c>) unless it sets them. Nothing else of the NodeManager's environment reaches a container.</summary>
    public IReadOnlyList<string> EnvWhitelist { get; init; } = MiniClusterDefaults.EnvWhitelist;

    /// <summary>Stands in for what a docker image has on its PATH, since the MiniCluster runs no images: each entry
    /// (command name → shell command line) becomes a script in a folder that containers of the docker runtime find on
    /// their PATH, ahead of <see cref="MiniClusterDefaults.ImagePath"/>. Empty: a docker container finds only the
    /// system's programs, as with an image that lacks the command.</summary>
    public IReadOnlyDictionary<string, string> DockerImageCommands { get; init; } = new Dictionary<string, string>();

    /// <summary>Node labels (exclusive partitions) by node index, e.g. {1: "gpu"}; unlabelled nodes form the default partition.
    /// Every queue may use every label here (no accessible-node-labels check).</summary>
    public IReadOnlyDictionary<int, string> NodeLabels { get; init; } = new Dictionary<int, string>();

    /// <summary>Distributed node attributes by node index: that NodeManager's
    /// <c>yarn.nodemanager.node-attributes.provider.configured-node-attributes</c> with the provider set to <c>config</c>,
    /// e.g. {0: "gpu-model,STRING,A100:cuda,STRING,12.2"}; each becomes <c>nm.yarn.io/name</c>.</summary>
    public IReadOnlyDictionary<int, string> NodeAttributes { get; init; } = new Dictionary<int, string>();

    /// <summary>Centralized node attributes by node index, as <c>yarn nodeattributes -add "host:name=value,..."</c> maps them,
    /// e.g. {1: "os=centos7"}; each becomes <c>rm.yarn.io/name</c>.</summary>
    public IReadOnlyDictionary<int, string> CentralizedNodeAttributes { get; init; } = new Dictionary<int, string>();

    /// <summary><c>hadoop.rpc.protection</c> of the RM scheduler and NM IPC servers (authentication, integrity, privacy, in
    /// the order offered); TOKEN clients that can meet none of it are refused. Also written to the conf dir's core-site.xml.</summary>
    public IReadOnlyList<YarnDL.Hadoop.SaslQop> RpcProtection { get; init; } = YarnDL.Hadoop.RpcProtection.Default;

    /// <summary>Reports every problem at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Nodes < 1) errors.Add("Nodes must be at least 1");
        if (GpusPerNode < 0) errors.Add("GpusPerNode must not be negative");
        if (MemoryMbPerNode < MinAllocationMb) errors.Add("MemoryMbPerNode must be at least the minimum allocation");
        if (VCoresPerNode < 1) errors.Add("VCoresPerNode must be at least 1");
        if (RmPort is < 0 or > 65535) errors.Add("RmPort must be within 0..65535");
        if (MaxAppAttempts < 1) errors.Add("MaxAppAttempts must be at least 1");
        if (Queues.Count == 0) errors.Add("at least one queue is needed");
        if (AmLivenessExpiryInterval <= TimeSpan.Zero) errors.Add("AmLivenessExpiryInterval must be positive");
        if (AmRmTokenRollingInterval <= AmRmTokenActivationDelay * 2)
            errors.Add("yarn.resourcemanager.am-rm-tokens.master-key-rolling-interval-secs (AmRmTokenRollingInterval) should be more than 3 X yarn.am.liveness-monitor.expiry-interval-ms (AmLivenessExpiryInterval)");
        if (Queues.Count > 0 && Math.Abs(Queues.Values.Sum() - 100) > 0.001) errors.Add("queue capacities must sum to 100");
        foreach (var (index, label) in NodeLabels)
        {
            if (index < 0 || index >= Nodes) errors.Add($"NodeLabels names node {index}, but nodes are 0..{Nodes - 1}");
            if (!System.Text.RegularExpressions.Regex.IsMatch(label, "^[0-9a-zA-Z][0-9a-zA-Z-_]*$"))
                errors.Add($"node label '{label}' is not a valid Hadoop label name");
        }

        foreach (var (name, map, parse) in new (string, IReadOnlyDictionary<int, string>, Func<string, IReadOnlyList<Model.NodeAttribute>>)[]
            { ("NodeAttributes", NodeAttributes, Conf.NodeAttributesConfig.ParseConfigured), ("CentralizedNodeAttributes", CentralizedNodeAttributes, Conf.NodeAttributesConfig.ParseCentralized) })
        {
            foreach (var (index, config) in map)
            {
                if (index < 0 || index >= Nodes) errors.Add($"{name} names node {index}, but nodes are 0..{Nodes - 1}");
                try { parse(config); }
                catch (FormatException e) { errors.Add($"{name}[{index}]: {e.Message}"); }
            }
        }

        if (errors.Count > 0) throw new ArgumentException("invalid MiniCluster options: " + string.Join("; ", errors));
    }
}
