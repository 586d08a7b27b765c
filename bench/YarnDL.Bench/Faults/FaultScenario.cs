using YarnDL.MiniCluster;
using YarnDL.Tracking;

namespace YarnDL.Bench.Faults;

/// <summary>One fault the soak injects mid-training: the cluster it needs and what it does to a running job.</summary>
/// <param name="Name">The key prefix of its figures (<c>rm_restart_ok=…</c>).</param>
/// <param name="Options">The MiniCluster the scenario runs on.</param>
/// <param name="InjectAsync">Injects the fault into the running job.</param>
internal sealed record FaultScenario(string Name, MiniClusterOptions Options, Func<FaultTarget, Task> InjectAsync);

/// <summary>What a scenario acts on: the cluster, the job's application id, and the AM's last status document.</summary>
internal sealed record FaultTarget(MiniYarnCluster Cluster, string ApplicationId, AmStatus Status)
{
    /// <summary>Every task of every cluster in <see cref="Status"/>.</summary>
    public IEnumerable<AmTaskStatus> Tasks => Status.Clusters.SelectMany(c => c.Tasks);
}
