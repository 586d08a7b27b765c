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
    public static readonly TimeSpan KillGracePeriod = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan PreemptionGracePeriod = TimeSpan.FromSeconds(2);
}
