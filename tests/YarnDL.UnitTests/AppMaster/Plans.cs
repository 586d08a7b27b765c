using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.UnitTests.AppMaster;

internal static class Plans
{
    public static TrialPlan Cluster(string id = "main", int workers = 2, int gpus = 1, Dictionary<string, string>? hparams = null) => new()
    {
        Id = id,
        Parameters = [.. hparams ?? []],
        Trainer = new TrainerSpec { Model = "mlp", Dataset = "digits" },
        Roles =
        [
            new RolePlan { Name = "chief", Instances = 1, MemoryMb = 2048, Gpus = gpus },
            new RolePlan { Name = "worker", Instances = workers, MemoryMb = 2048, Gpus = gpus },
        ],
    };

    public static JobPlan Job(params TrialPlan[] clusters) => new()
    {
        Name = "digits",
        Trials = clusters.Length == 0 ? [Cluster()] : clusters,
        Checkpoint = new CheckpointSpec { Dir = "hdfs:///ckpt/digits" },
    };

    /// <summary><paramref name="plan"/> with every role's restart policy and budget set (what <c>restart:</c> in job.yaml does).</summary>
    public static JobPlan WithRestart(JobPlan plan, RestartPolicy policy, int maxRestarts = 3) => plan with
    {
        Trials = [.. plan.Trials.Select(t => t with { Roles = [.. t.Roles.Select(r => r with { Restart = policy, MaxRestarts = maxRestarts })] })],
    };
}
