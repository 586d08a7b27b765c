using YarnDL.Tracking;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>A NodeManager restarted mid-training: with supervised recovery its containers survive; without it the NM kills
/// them on shutdown (-107) and, when the AM was among them, the RM starts a new attempt that finishes the job.</summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed class NodeManagerRestartTests
{
    private const long MidTraining = FaultJobs.StepsPerEpoch;

    [Fact]
    public async Task Supervised_nm_restart_keeps_the_trainers_running_and_the_job_succeeds_in_one_attempt()
    {
        await using var cluster = await StartAsync(supervised: true);
        await using var job = await E2eJob.SubmitAsync(cluster, FaultJobs.OneTrial);
        var status = await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));
        var containers = status.Clusters.Single().Tasks.Select(t => t.ContainerId).Order().ToList();

        foreach (var node in status.Clusters.Single().Tasks.Select(t => t.Node!).Distinct())
        {
            cluster.RestartNodeManager(node);
        }

        var report = await job.WaitForEndAsync();
        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        var trial = job.LastStatus!.Clusters.Single();
        Assert.Equal(0, trial.Generation);
        Assert.Equal(containers, trial.Tasks.Select(t => t.ContainerId).Order().ToList());
        Assert.Equal(1, cluster.Rm.Read(v => v.Apps.Single(a => a.Id == job.ApplicationId).Attempts.Count));
    }

    [Fact]
    public async Task Unsupervised_nm_restart_of_the_am_node_kills_its_containers_and_a_new_attempt_finishes_the_job()
    {
        await using var cluster = await StartAsync(supervised: false);
        await using var job = await E2eJob.SubmitAsync(cluster, FaultJobs.OneTrial);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));
        var amNode = cluster.Rm.Read(v => v.Apps.Single(a => a.Id == job.ApplicationId).CurrentAttempt!.AmContainer!.Node.NodeId);

        cluster.RestartNodeManager(amNode);

        var report = await job.WaitForEndAsync();
        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        var attempts = cluster.Rm.Read(v => v.Apps.Single(a => a.Id == job.ApplicationId).Attempts.ToList());
        Assert.Equal(2, attempts.Count);
        var killed = cluster.Rm.Read(v => v.Rm.CompletedContainers.Where(c => c.AppId == job.ApplicationId && c.Node.NodeId == amNode && c.AttemptNumber == 1).ToList());
        Assert.Contains(killed, c => c.IsAm && c.ExitStatus == -107);
    }

    private static Func<AmStatus, bool> AnyTaskAt(long step) => s => s.Clusters.Any(c => c.Tasks.Any(t => t.Step >= step));

    private static Task<MiniYarnCluster> StartAsync(bool supervised) => MiniYarnCluster.StartAsync(new MiniClusterOptions
    {
        Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4, NmRecoverySupervised = supervised,
    });
}
