namespace YarnDL.TaskProtocol;

/// <summary>The complete cluster, returned once every task has registered.</summary>
/// <param name="Cluster">Role name → ordered list of <c>host:port</c> (the TF_CONFIG "cluster" object).</param>
/// <param name="Rank">Global rank of this task among the training roles (chief first, then workers).</param>
/// <param name="WorldSize">Number of ranked tasks (chief + workers; ps and evaluator are not ranked).</param>
/// <param name="MasterAddr">Host of rank 0.</param>
/// <param name="MasterPort">Port of rank 0.</param>
/// <param name="TfConfig">The TF_CONFIG JSON for this task.</param>
/// <param name="ResumeFromCheckpoint">True when the cluster restarts and must load its last checkpoint.</param>
public sealed record ClusterSpecResponse(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Cluster,
    int Rank,
    int WorldSize,
    string MasterAddr,
    int MasterPort,
    string TfConfig,
    bool ResumeFromCheckpoint);
