namespace YarnDL.TaskProtocol;

/// <summary>Variables a task hands its training program once the cluster spec is known (outputs).</summary>
public static class ClusterEnv
{
    public const string TfConfig = "TF_CONFIG";
    public const string MasterAddr = "MASTER_ADDR";
    public const string MasterPort = "MASTER_PORT";
    public const string Rank = "RANK";
    public const string WorldSize = "WORLD_SIZE";
    public const string LocalRank = "LOCAL_RANK";
    public const string LocalWorldSize = "LOCAL_WORLD_SIZE";

    /// <summary>The port the task launcher reserved for this task and registered with the AM (its address in the cluster).</summary>
    public const string TaskPort = "YARNDL_TASK_PORT";
}
