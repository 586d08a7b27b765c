using YarnDL.MiniCluster;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.ResourceManager.AmProtocol;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>ApplicationMasterProtocol semantics as Hadoop 3.4's ApplicationMasterService implements them.</summary>
public sealed class AmServiceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly Resource OneGpu = new(1024, 1, 1);

    private static AllocateCall Call(int responseId, params ContainerAsk[] asks) => new(responseId, 0.5f, asks, [], [], []);

    /// <summary>A 2×4-GPU cluster running one shell AM whose attempt the test drives through the AM service directly.</summary>
    private sealed record Running(MiniYarnCluster Cluster, HttpClient Http, string AppId, string Attempt) : IAsyncDisposable
    {
        public AmService Ams => Cluster.AmService;

        public RegisterReply Register() => Ams.Register(Attempt, "127.0.0.1", 1, null);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Cluster.DisposeAsync();
        }
    }

    private static async Task<Running> StartAsync(string submission)
    {
        var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4 });
        var http = RmHttp.Create(cluster.RmRestUri);
        var id = await http.SubmitAsync(submission);
        var am = await cluster.WaitForAmRunningAsync(id, Deadline);
        var attempt = cluster.Rm.Read(v => v.Apps.Single(a => a.Id == id).CurrentAttempt!.Id);
        Assert.EndsWith("_000001", attempt, StringComparison.Ordinal);
        Assert.EndsWith("_01_000001", am, StringComparison.Ordinal);
        return new Running(cluster, http, id, attempt);
    }

    private static string Code(Action a) => Assert.Throws<RmRequestException>(a).ExceptionName;

    [Fact]
    public async Task Response_id_rules_duplicate_gets_cached_reply_and_wrong_id_is_rejected()
    {
        await using var run = await StartAsync(Submissions.Shell("sleep 300"));
        var (cluster, http, ams, attempt) = (run.Cluster, run.Http, run.Ams, run.Attempt);

        Assert.Equal("ApplicationMasterNotRegisteredException", Code(() => ams.Allocate(attempt, Call(0))));
        var reg = ams.Register(attempt, "127.0.0.1", 4242, null);
        Assert.Equal(4, reg.MaximumCapability.Gpus);
        Assert.Equal("InvalidApplicationMasterRequestException", Code(() => ams.Register(attempt, "127.0.0.1", 4242, null)));

        var r1 = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 2)));
        Assert.Equal(1, r1.ResponseId);
        Assert.Equal(2, r1.Result.Allocated.Count);

        // The AM resends its previous heartbeat: same reply, the new asks are not processed.
        var dup = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 6)));
        Assert.Same(r1, dup);

        var ex = Assert.Throws<RmRequestException>(() => ams.Allocate(attempt, Call(7)));
        Assert.Equal("InvalidApplicationMasterRequestException", ex.ExceptionName);
        Assert.Contains("expect responseId to be 1", ex.Message, StringComparison.Ordinal);

        var r2 = ams.Allocate(attempt, Call(1));
        Assert.Equal(2, r2.ResponseId);
        Assert.Empty(r2.Result.Allocated);
        Assert.Equal(0, AmService.Next(int.MaxValue)); // next(x) wraps after 2^31-1
    }

    [Fact]
    public async Task Rm_restart_forces_resync_and_keeps_containers()
    {
        await using var run = await StartAsync(Submissions.Shell("sleep 300"));
        var (cluster, http, ams, attempt) = (run.Cluster, run.Http, run.Ams, run.Attempt);
        var appId = run.AppId;
        run.Register();
        var task = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 1))).Result.Allocated.Single();
        cluster.Rm.StartContainer(appId, task.Id, new LaunchSpec(["sleep 300"], new Dictionary<string, string>(), [], [], []));

        var (status, _, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/rm-restart");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);

        Assert.Contains(appId, File.ReadAllText(Path.Combine(cluster.WorkDir, "rmstore", "state.json")), StringComparison.Ordinal);
        Assert.Equal("ApplicationMasterNotRegisteredException", Code(() => ams.Allocate(attempt, Call(1))));
        Assert.Equal("ApplicationMasterNotRegisteredException", Code(() => ams.Finish(attempt, "SUCCEEDED", "", null)));
        run.Register();
        var after = ams.Allocate(attempt, Call(0, new ContainerAsk(2, 0, OneGpu, "*", 1)));
        Assert.Equal(1, after.ResponseId);
        Assert.StartsWith("container_e01_", Assert.Single(after.Result.Allocated).Id, StringComparison.Ordinal);
        Assert.Null(cluster.ContainerExitStatus(task.Id));
        Assert.Equal("RUNNING", cluster.Rm.Read(v => v.Apps.Single(a => a.Id == appId).PublicState));
    }

    [Fact]
    public async Task Rm_restart_forgets_asks_and_containers_no_nm_heard_of_but_still_tells_completions()
    {
        await using var run = await StartAsync(Submissions.Shell("sleep 300"));
        var (cluster, http, ams, attempt) = (run.Cluster, run.Http, run.Ams, run.Attempt);
        run.Register();
        var first = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 9))).Result.Allocated;
        Assert.Equal(8, first.Count); // 2 nodes × 4 GPUs; one ask stays outstanding

        // Freeing a GPU lets the scheduler place the ninth between heartbeats: allocated, never pulled by the AM.
        cluster.KillContainer(first[0].Id);
        Assert.Equal(8, cluster.Rm.Read(v => v.Nodes.Sum(n => n.Containers.Count(c => !c.IsAm))));
        cluster.RestartRm();

        run.Register();
        var after = ams.Allocate(attempt, Call(0)).Result;
        Assert.Empty(after.Allocated); // the ninth vanished with the old RM, and so did the outstanding ask
        Assert.Equal(first[0].Id, Assert.Single(after.Completed).Id); // the kill is still reported
        Assert.Equal(7, cluster.Rm.Read(v => v.Nodes.Sum(n => n.Containers.Count(c => !c.IsAm))));
        Assert.Single(ams.Allocate(attempt, Call(1, new ContainerAsk(1, 0, OneGpu, "*", 1))).Result.Allocated); // the AM re-asks
    }

    [Fact]
    public async Task Rm_restart_forgets_the_blacklist_so_the_am_must_resend_it()
    {
        await using var run = await StartAsync(Submissions.Shell("sleep 300"));
        var (cluster, http, ams, attempt) = (run.Cluster, run.Http, run.Ams, run.Attempt);
        run.Register();
        var banned = cluster.Nodes[0].NodeId;
        ams.Allocate(attempt, new AllocateCall(0, 0.5f, [], [], [banned], []));
        cluster.RestartRm();

        run.Register();
        var got = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 5))).Result.Allocated;

        Assert.Equal(5, got.Count); // 4 + 1: both nodes again, the banned one included
        Assert.Contains(got, c => c.Node.NodeId == banned);
    }

    [Fact]
    public async Task Keep_containers_hands_previous_attempt_containers_to_the_new_attempt()
    {
        var body = Submissions.Shell("sleep 300").Replace("\"max-app-attempts\"", "\"keep-containers-across-application-attempts\": true, \"max-app-attempts\"", StringComparison.Ordinal);
        await using var run = await StartAsync(body);
        var (cluster, http, ams, attempt) = (run.Cluster, run.Http, run.Ams, run.Attempt);
        var appId = run.AppId;
        run.Register();
        var task = ams.Allocate(attempt, Call(0, new ContainerAsk(1, 0, OneGpu, "*", 1))).Result.Allocated.Single();
        cluster.Rm.StartContainer(appId, task.Id, new LaunchSpec(["sleep 300"], new Dictionary<string, string>(), [], [], []));
        var firstAm = cluster.Rm.Read(v => v.Apps.Single(a => a.Id == appId).CurrentAttempt!.AmContainer!.Id);

        cluster.KillAm(appId);
        await cluster.WaitForAmRunningAsync(appId, Deadline, previousAmContainer: firstAm);
        var second = cluster.Rm.Read(v => v.Apps.Single(a => a.Id == appId).CurrentAttempt!.Id);
        Assert.EndsWith("_000002", second, StringComparison.Ordinal);
        Assert.Equal("ApplicationAttemptNotFoundException", Code(() => ams.Allocate(attempt, Call(1))));

        var reg = ams.Register(second, "127.0.0.1", 1, null);
        Assert.Equal(task.Id, Assert.Single(reg.ContainersFromPreviousAttempts).Id);
        Assert.Equal([task.Node.NodeId], reg.NmTokenNodesFromPreviousAttempts);
        Assert.Null(cluster.ContainerExitStatus(task.Id));
    }
}
