using YarnDL.AppMaster.Plan;

namespace YarnDL.UnitTests.AppMaster;

internal static class Plans
{
    public static ClusterPlan Cluster(string id = "main", int workers = 2, int gpus = 1, Dictionary<string, string>? hparams = null) => new()
    {
        Id = id,
        HyperParameters = hparams ?? [],
        Roles =
        [
            new RolePlan { Name = "chief", Instances = 1, MemoryMb = 2048, Gpus = gpus },
            new RolePlan { Name = "worker", Instances = workers, MemoryMb = 2048, Gpus = gpus },
        ],
    };

    public static JobPlan Job(params ClusterPlan[] clusters) => new()
    {
        Name = "digits",
        Clusters = clusters.Length == 0 ? [Cluster()] : clusters,
        CheckpointDir = "hdfs:///ckpt/digits",
        Trainer = new Dictionary<string, string> { ["model"] = "mlp" },
    };
}
