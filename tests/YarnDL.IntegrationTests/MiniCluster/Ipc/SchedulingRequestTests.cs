using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>SchedulingRequests over IPC, built as Hadoop's PlacementConstraints.targetNotIn(NODE, allocationTag(t)) encodes them.</summary>
public sealed class SchedulingRequestTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    private static SchedulingRequestProto AntiAffine(string tag, int count) => new()
    {
        AllocationRequestId = 7,
        Priority = new PriorityProto { Priority = 3 },
        ExecutionType = new ExecutionTypeRequestProto { ExecutionType = ExecutionTypeProto.Guaranteed, EnforceExecutionType = true },
        AllocationTags = { tag },
        ResourceSizing = new ResourceSizingProto { NumAllocations = count, Resources = AmWire.Ask(1, gpus: 1).Capability },
        PlacementConstraint = new PlacementConstraintProto
        {
            SimpleConstraint = new SimplePlacementConstraintProto
            {
                Scope = "node",
                MinCardinality = 0,
                MaxCardinality = 0,
                TargetExpressions = { new PlacementConstraintTargetProto { TargetType = PlacementConstraintTargetProto.Types.TargetType.AllocationTag, TargetValues = { tag } } },
            },
        },
    };

    [Fact]
    public async Task Node_anti_affinity_puts_one_tagged_container_per_node_and_keeps_the_rest_pending()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());

        var request = new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { AntiAffine("workers", 3) } };
        var first = await rm.AllocateAsync(request);
        var second = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = first.ResponseId, Progress = 0.1f });

        // 2 nodes × 4 GPUs would hold all three, but only one "workers" container may stand on a node.
        Assert.Equal(2, first.AllocatedContainers.Count);
        Assert.Equal(2, first.AllocatedContainers.Select(c => c.NodeId.Host + ":" + c.NodeId.Port).Distinct().Count());
        Assert.All(first.AllocatedContainers, c => Assert.Equal(["workers"], c.AllocationTags));
        Assert.All(first.AllocatedContainers, c => Assert.Equal(7, c.AllocationRequestId));
        Assert.Empty(second.AllocatedContainers);
        am.Exit();
    }

    [Fact]
    public async Task Anti_affinity_within_a_partition_stays_on_the_labelled_nodes()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 3, GpusPerNode = 4, NodeLabels = new Dictionary<int, string> { [1] = "gpu", [2] = "gpu" },
        });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        var ask = AntiAffine("workers", 3);
        ask.PlacementConstraint.SimpleConstraint.TargetExpressions.Add(new PlacementConstraintTargetProto
        {
            TargetType = PlacementConstraintTargetProto.Types.TargetType.NodeAttribute, TargetKey = "yarn_node_partition/", TargetValues = { "gpu" },
        });

        var got = (await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { ask } })).AllocatedContainers;

        var labelled = new[] { cluster.Nodes[1].NodeId, cluster.Nodes[2].NodeId };
        Assert.Equal(labelled.Order(StringComparer.Ordinal), got.Select(c => $"{c.NodeId.Host}:{c.NodeId.Port}").Order(StringComparer.Ordinal));
        am.Exit();
    }

    [Fact]
    public async Task With_the_handler_disabled_an_allocate_carrying_scheduling_requests_is_refused()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4, PlacementConstraintsHandler = "disabled" });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());

        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() =>
            rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { AntiAffine("workers", 1) } }));

        Assert.Equal("org.apache.hadoop.yarn.exceptions.YarnException", ex.ClassName);
        Assert.Contains("yarn.resourcemanager.placement-constraints.handler cannot handle placement constraints", ex.RemoteMessage, StringComparison.Ordinal);
        var plain = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f }); // the refused call moved nothing
        Assert.Equal(1, plain.ResponseId);
        am.Exit();
    }
}
