using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary><c>placement.anti-affinity</c> and <c>node-attributes</c> end to end: the real AM asks with SchedulingRequests, the MiniCluster places them.</summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PlacementTests
{
    private const string Job = """
        name: e2e-anti-affinity
        am: { memory: 512m, vcores: 1, mode: local }
        command: "true"
        roles:
          worker: { instances: 3, memory: 512m, vcores: 1 }
        placement: { anti-affinity: [worker] }
        """;

    [Fact]
    public async Task Anti_affinity_workers_run_on_three_distinct_nodes_although_one_node_could_hold_them_all()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 8192, VCoresPerNode = 8 });
        await using var job = await E2eJob.SubmitAsync(cluster, Job);

        var report = await job.WaitForEndAsync();

        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        var workers = cluster.Rm.Read(v => v.Rm.CompletedContainers.Where(c => c.AppId == job.ApplicationId && !c.IsAm).ToList());
        Assert.Equal(3, workers.Count);
        Assert.Equal(3, workers.Select(c => c.Node.NodeId).Distinct().Count());
        Assert.All(workers, c => Assert.Equal(["yarndl.main.worker"], c.AllocationTags));
    }

    [Fact]
    public async Task Workers_with_a_node_attribute_run_only_on_the_one_node_that_has_it()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 8192, VCoresPerNode = 8,
            NodeAttributes = new Dictionary<int, string> { [1] = "gpu-model,STRING,A100", [2] = "gpu-model,STRING,V100" },
        });
        await using var job = await E2eJob.SubmitAsync(cluster, """
            name: e2e-node-attributes
            am: { memory: 512m, vcores: 1, mode: local }
            command: "true"
            roles:
              chief: { instances: 1, memory: 512m, vcores: 1 }
              worker: { instances: 3, memory: 512m, vcores: 1, node-attributes: [nm.yarn.io/gpu-model=A100] }
            """);

        var report = await job.WaitForEndAsync();

        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        var tasks = cluster.Rm.Read(v => v.Rm.CompletedContainers.Where(c => c.AppId == job.ApplicationId && !c.IsAm).ToList());
        var workers = tasks.Where(c => c.AllocationTags.Contains("yarndl.main.worker")).ToList();
        Assert.Equal(3, workers.Count);
        Assert.All(workers, c => Assert.Equal(cluster.Nodes[1].NodeId, c.Node.NodeId));
        // The chief has no constraint: a plain ResourceRequest, untagged.
        Assert.Empty(Assert.Single(tasks, c => !workers.Contains(c)).AllocationTags);
    }

    [Fact]
    public async Task Without_a_placement_handler_on_the_rm_the_job_fails_at_once_saying_which_setting_it_needs()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 3, GpusPerNode = 0, PlacementConstraintsHandler = "disabled" });
        await using var job = await E2eJob.SubmitAsync(cluster, Job);

        var report = await job.WaitForEndAsync();

        Assert.Equal(("FINISHED", "FAILED"), (report.State, report.FinalStatus));
        Assert.Contains("the RM refused the allocate request: YarnException: Found non empty SchedulingRequest", report.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("needs yarn.resourcemanager.placement-constraints.handler=scheduler", report.Diagnostics, StringComparison.Ordinal);
    }
}
