using System.Net;
using YarnDL.MiniCluster;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>Faults under /ws/v1/minicluster/faults observed through the RM.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Lost_node_reports_minus_100_and_the_am_is_retried_elsewhere()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        // One attempt allowed: an AM lost with its node (-100) is retried without using one up.
        var id = await http.SubmitAsync(Submissions.Shell("sleep 300", maxAttempts: 1));
        var am = await cluster.WaitForAmRunningAsync(id, Deadline);
        var node = cluster.Rm.Read(v => v.Nodes.Single(n => n.Containers.Any(c => c.Id == am)).NodeId);

        var (status, _, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/lose-node", $$"""{"node":"{{node}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var second = await cluster.WaitForAmRunningAsync(id, Deadline, previousAmContainer: am);
        Assert.Equal(ExitStatus.Aborted, cluster.ContainerExitStatus(am));
        Assert.NotEqual(node, cluster.Rm.Read(v => v.Nodes.Single(n => n.Containers.Any(c => c.Id == second)).NodeId));
        var (_, lost, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes?states=LOST");
        Assert.Equal(node, lost!["nodes"]!["node"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preempt_announces_then_kills_with_minus_102()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 2, PreemptionGracePeriod = TimeSpan.FromMilliseconds(200) });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var id = await http.SubmitAsync(Submissions.Shell("sleep 300"));
        await cluster.WaitForAmRunningAsync(id, Deadline);
        cluster.RegisterApplicationMaster(id, "127.0.0.1", 0, null);
        var task = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, new Resource(1024, 1, 1), "*", 1)], [], [], []).Allocated.Single();
        cluster.Rm.StartContainer(id, task.Id, new LaunchSpec(["sleep 300"], new Dictionary<string, string>(), [], [], []));

        var (status, body, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/preempt", $$"""{"application":"{{id}}","containers":1}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(task.Id, body!["containers"]![0]!.GetValue<string>());

        var notice = cluster.Rm.Allocate(id, [], [], [], []);
        Assert.Equal(task.Id, Assert.Single(notice.PreemptionNotices).Id);
        var completed = new List<ContainerRecord>(notice.Completed);
        Assert.Equal(ExitStatus.Preempted, await cluster.WaitForContainerExitAsync(task.Id, Deadline));
        completed.AddRange(cluster.Rm.Allocate(id, [], [], [], []).Completed);
        Assert.Contains(completed, c => c.Id == task.Id && c.ExitStatus == ExitStatus.Preempted);
        Assert.Empty(cluster.Rm.Allocate(id, [], [], [], []).PreemptionNotices);
    }

    [Fact]
    public async Task Fault_requests_with_bad_bodies_are_400_and_unknown_targets_404()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions());
        using var http = RmHttp.Create(cluster.RmRestUri);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-container", "{oops")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-container", "{}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-container", """{"container":"container_1_0001_01_000001"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/lose-node", """{"node":"nohost:1"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-am", """{"application":"application_1_0001"}""")).Status);
    }
}
