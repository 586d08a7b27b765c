using YarnDL.MiniCluster;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>Allocation on AM heartbeats: Hadoop ask counting, GPUs never over-allocated, DRF across queues.</summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly Resource OneGpu = new(1024, 1, 1);

    private static async Task<(MiniYarnCluster Cluster, HttpClient Http)> StartAsync(MiniClusterOptions options)
    {
        var cluster = await MiniYarnCluster.StartAsync(options);
        return (cluster, RmHttp.Create(cluster.RmRestUri));
    }

    private static async Task<string> RunningAppAsync(MiniYarnCluster cluster, HttpClient http, string queue = "default")
    {
        var id = await http.SubmitAsync(Submissions.Shell("sleep 300", queue: queue));
        await cluster.WaitForAmRunningAsync(id, Deadline);
        cluster.RegisterApplicationMaster(id, "127.0.0.1", 0, null);
        return id;
    }

    [Fact]
    public async Task Gang_of_eight_one_gpu_asks_fills_two_four_gpu_nodes_and_never_more()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4, MemoryMbPerNode = 16384, VCoresPerNode = 16 });
        await using var _ = cluster;
        using var __ = http;
        var id = await RunningAppAsync(cluster, http);

        var r = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 8)], [], [], []);

        Assert.Equal(8, r.Allocated.Count);
        Assert.Equal(2, r.NewNmTokenNodes.Count);
        foreach (var node in r.Allocated.GroupBy(c => c.Node.NodeId))
            Assert.Equal([0, 1, 2, 3], node.SelectMany(c => c.GpuIndices).Order());
        Assert.Equal(8, r.Allocated.Select(c => c.Id).Distinct().Count());

        // Asking for one more (total outstanding 1) cannot be met: every GPU is taken.
        var more = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 1)], [], [], []);
        Assert.Empty(more.Allocated);
        Assert.Empty(more.NewNmTokenNodes);

        // Releasing one frees its GPU and the outstanding ask is then met on the next heartbeat.
        var released = r.Allocated[0];
        var onRelease = cluster.Rm.Allocate(id, [], [released.Id], [], []);
        var after = cluster.Rm.Allocate(id, [], [], [], []);
        var replacement = Assert.Single(onRelease.Allocated.Concat(after.Allocated));
        Assert.Equal(released.Node.NodeId, replacement.Node.NodeId);
        Assert.Equal(released.GpuIndices, replacement.GpuIndices);
        Assert.Contains(onRelease.Completed.Concat(after.Completed), c => c.Id == released.Id && c.ExitStatus == ExitStatus.Aborted);
    }

    [Fact]
    public async Task Blacklisted_node_gets_nothing_until_removed_and_any_cannot_be_blacklisted()
    {
        // Every MiniCluster NM shares the host 127.0.0.1, so a node is blacklisted by its node id (host:port).
        var (cluster, http) = await StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4, MemoryMbPerNode = 16384, VCoresPerNode = 16 });
        await using var _ = cluster;
        using var __ = http;
        var id = await RunningAppAsync(cluster, http);
        var (a, b) = (cluster.Nodes[0].NodeId, cluster.Nodes[1].NodeId);

        var first = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 3)], [], [a], []);
        Assert.Equal(3, first.Allocated.Count);
        Assert.All(first.Allocated, c => Assert.Equal(b, c.Node.NodeId));

        // Blacklist changes are deltas: removing a makes it eligible again for what is still outstanding.
        var second = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 2)], [], [], [a]);
        Assert.Equal(2, second.Allocated.Count);
        Assert.Contains(second.Allocated, c => c.Node.NodeId == a);

        var ex = Assert.Throws<RmRequestException>(() => cluster.Rm.Allocate(id, [], [], [ContainerAsk.Any], []));
        Assert.Equal("org.apache.hadoop.yarn.exceptions.InvalidResourceBlacklistRequestException", ex.JavaClassName);
    }

    [Fact]
    public async Task Node_labels_are_exclusive_partitions_and_asks_inherit_the_app_label()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions
        {
            Nodes = 2, GpusPerNode = 4, MemoryMbPerNode = 16384, VCoresPerNode = 16, NodeLabels = new Dictionary<int, string> { [1] = "gpu" },
        });
        await using var _ = cluster;
        using var __ = http;
        var (plain, labelled) = (cluster.Nodes[0].NodeId, cluster.Nodes[1].NodeId);

        var (_, nodes, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes/" + labelled);
        Assert.Equal(["gpu"], nodes!["node"]!["nodeLabels"]!.AsArray().Select(l => l!.GetValue<string>()));

        // No expression: the AM and the asks stay in the default partition, even when it runs out of GPUs.
        var id = await RunningAppAsync(cluster, http);
        Assert.Equal(plain, cluster.Rm.Read(v => v.Apps.Single(a => a.Id == id).CurrentAttempt!.AmContainer!.Node.NodeId));
        var unlabelled = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 6)], [], [], []);
        Assert.Equal(4, unlabelled.Allocated.Count);
        Assert.All(unlabelled.Allocated, c => Assert.Equal(plain, c.Node.NodeId));
        var gpu = cluster.Rm.Allocate(id, [new ContainerAsk(2, 0, OneGpu, "*", 2, LabelExpression: "gpu")], [], [], []);
        Assert.Equal(2, gpu.Allocated.Count);
        Assert.All(gpu.Allocated, c => Assert.Equal(labelled, c.Node.NodeId));
        var ex = Assert.Throws<RmRequestException>(() => cluster.Rm.Allocate(id, [new ContainerAsk(3, 0, OneGpu, "*", 1, LabelExpression: "nope")], [], [], []));
        Assert.Equal("org.apache.hadoop.yarn.exceptions.InvalidLabelResourceRequestException", ex.JavaClassName);
        Assert.Equal("Invalid label resource request, cluster do not contain , label= nope", ex.Message);

        // app-node-label-expression: the AM and label-less asks go to the labelled partition.
        var inGpu = Submissions.Shell("sleep 300").Replace("\"queue\":", "\"app-node-label-expression\": \"gpu\", \"queue\":", StringComparison.Ordinal);
        var second = await http.SubmitAsync(inGpu);
        await cluster.WaitForAmRunningAsync(second, Deadline);
        cluster.RegisterApplicationMaster(second, "127.0.0.1", 0, null);
        Assert.Equal(labelled, cluster.Rm.Read(v => v.Apps.Single(a => a.Id == second).CurrentAttempt!.AmContainer!.Node.NodeId));
        var inherited = cluster.Rm.Allocate(second, [new ContainerAsk(1, 0, OneGpu, "*", 1)], [], [], []);
        Assert.Equal(labelled, Assert.Single(inherited.Allocated).Node.NodeId);
        var (_, app, _) = await http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{second}");
        Assert.Equal("gpu", app!["app"]!["amNodeLabelExpression"]!.GetValue<string>());

        var unknown = Submissions.Shell("sleep 300").Replace("\"queue\":", "\"app-node-label-expression\": \"nope\", \"queue\":", StringComparison.Ordinal);
        var (_, created, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        var (status, _, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice",
            unknown.Replace("$ID", created!["application-id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Ask_counts_are_totals_not_deltas()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 8 });
        await using var _ = cluster;
        using var __ = http;
        var id = await RunningAppAsync(cluster, http);
        var small = new Resource(1024, 1, 0);

        // Resending the same total must not double the request.
        cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, small, "*", 5)], [], [], []);
        var r = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, small, "*", 5)], [], [], []);
        Assert.Empty(r.Allocated);

        // Lowering the outstanding total to 0 cancels what could not be placed.
        cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, small, "*", 0)], [], [], []);
        var usage = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/metrics");
        Assert.Equal(4096, usage.Body!["clusterMetrics"]!["allocatedMB"]!.GetValue<long>());
    }

    [Fact]
    public async Task Over_maximum_and_negative_asks_are_invalid_resource_requests()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 2 });
        await using var _ = cluster;
        using var __ = http;
        var id = await RunningAppAsync(cluster, http);
        var ex = Assert.Throws<RmRequestException>(() => cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, new Resource(1024, 1, 3), "*", 1)], [], [], []));
        Assert.Equal("InvalidResourceRequestException", ex.ExceptionName);
        Assert.Throws<RmRequestException>(() => cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, new Resource(-1, 1, 0), "*", 1)], [], [], []));
        Assert.Throws<RmRequestException>(() => cluster.Rm.Allocate(id, [], [], ["*"], []));
    }

    [Fact]
    public async Task Drf_splits_gpus_between_two_equal_queues()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions
        {
            Nodes = 2, GpusPerNode = 4, MemoryMbPerNode = 32768, VCoresPerNode = 32,
            Queues = new Dictionary<string, double> { ["a"] = 50, ["b"] = 50 },
        });
        await using var _ = cluster;
        using var __ = http;
        var appA = await RunningAppAsync(cluster, http, "a");
        var appB = await RunningAppAsync(cluster, http, "b");

        // A takes every GPU, B then waits with 8 outstanding.
        var first = cluster.Rm.Allocate(appA, [new ContainerAsk(1, 0, OneGpu, "*", 8)], [], [], []);
        Assert.Equal(8, first.Allocated.Count);
        Assert.Empty(cluster.Rm.Allocate(appB, [new ContainerAsk(1, 0, OneGpu, "*", 8)], [], [], []).Allocated);

        // A gives everything back but still wants 8: each freed GPU goes to the queue with the lower dominant share.
        var a = cluster.Rm.Allocate(appA, [new ContainerAsk(1, 0, OneGpu, "*", 8)], [.. first.Allocated.Select(c => c.Id)], [], []);
        var b = cluster.Rm.Allocate(appB, [], [], [], []);

        Assert.Equal(4, a.Allocated.Count);
        Assert.Equal(4, b.Allocated.Count);
        Assert.Equal(8, cluster.Rm.Read(v => v.Nodes.Sum(n => n.AssignedGpus.Count)));
    }

    [Fact]
    public async Task Task_container_runs_and_stop_reports_minus_105()
    {
        var (cluster, http) = await StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 2 });
        await using var _ = cluster;
        using var __ = http;
        var id = await RunningAppAsync(cluster, http);
        var c = cluster.Rm.Allocate(id, [new ContainerAsk(1, 0, OneGpu, "*", 1)], [], [], []).Allocated.Single();
        var spec = new LaunchSpec(["env > <LOG_DIR>/env.tmp && mv <LOG_DIR>/env.tmp <LOG_DIR>/env.txt; sleep 300"], new Dictionary<string, string>(), [], [], []);

        cluster.Rm.StartContainer(id, c.Id, spec);
        await WaitUntilAsync(cluster, () => File.Exists(Path.Combine(c.Node.LogDir, id, c.Id, "env.txt")));
        var env = File.ReadAllText(Path.Combine(c.Node.LogDir, id, c.Id, "env.txt"));
        Assert.Contains("NVIDIA_VISIBLE_DEVICES=0", env, StringComparison.Ordinal);
        Assert.DoesNotContain("APP_SUBMIT_TIME_ENV", env, StringComparison.Ordinal);

        cluster.Rm.StopContainer(id, c.Id, c.Node.NodeId);
        Assert.Equal(ExitStatus.KilledByAppMaster, await cluster.WaitForContainerExitAsync(c.Id, Deadline));
        var completed = cluster.Rm.Allocate(id, [], [], [], []).Completed;
        Assert.Contains(completed, x => x.Id == c.Id && x.ExitStatus == ExitStatus.KilledByAppMaster);
    }

    private static async Task WaitUntilAsync(MiniYarnCluster cluster, Func<bool> condition)
    {
        var signal = new SemaphoreSlim(0);
        void OnChange(string _) => signal.Release();
        cluster.Rm.AppChanged += OnChange;
        try
        {
            using var cts = new CancellationTokenSource(Deadline);
            // Files appear without a state event; a short bounded wait between probes covers them.
            while (!condition()) await signal.WaitAsync(TimeSpan.FromMilliseconds(50), cts.Token);
        }
        finally
        {
            cluster.Rm.AppChanged -= OnChange;
        }
    }
}
