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
}
