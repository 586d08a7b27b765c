using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>SchedulingRequests over IPC, built as Hadoop's PlacementConstraints.targetNotIn(NODE, allocationTag(t)) encodes them.</summary>
public sealed class SchedulingRequestTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    /// <summary>A shell AM of a new application on <paramref name="cluster"/>, registered over IPC.</summary>
    private static async Task<(ShellAm Am, ApplicationMasterProtocolClient Rm)> RegisteredAmAsync(MiniYarnCluster cluster)
    {
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        return (am, rm);
    }

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
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;

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
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;
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

    private static SchedulingRequestProto OnAttribute(long allocationId, int count, PlacementConstraintProto constraint) => new()
    {
        AllocationRequestId = allocationId,
        Priority = new PriorityProto { Priority = 3 },
        ExecutionType = new ExecutionTypeRequestProto { ExecutionType = ExecutionTypeProto.Guaranteed, EnforceExecutionType = true },
        AllocationTags = { "workers" },
        ResourceSizing = new ResourceSizingProto { NumAllocations = count, Resources = AmWire.Ask(1, gpus: 1).Capability },
        PlacementConstraint = constraint,
    };

    // PlacementConstraints.targetNodeAttribute(NODE, EQ|NE, nodeAttribute(key, value)) [+ nodePartition(label)].
    private static SimplePlacementConstraintProto NodeAttribute(NodeAttributeOpCodeProto op, params (string Key, string Value)[] targets) => new()
    {
        Scope = "node",
        MinCardinality = -1,
        MaxCardinality = -1,
        AttributeOpCode = op,
        TargetExpressions = { targets.Select(t => new PlacementConstraintTargetProto { TargetType = PlacementConstraintTargetProto.Types.TargetType.NodeAttribute, TargetKey = t.Key, TargetValues = { t.Value } }) },
    };

    [Fact]
    public async Task Node_attribute_constraints_place_only_on_matching_nodes_and_report_the_attributes()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 3, GpusPerNode = 4,
            NodeAttributes = new Dictionary<int, string> { [1] = "gpu-model,STRING,A100", [2] = "gpu-model,STRING,V100" },
            CentralizedNodeAttributes = new Dictionary<int, string> { [2] = "os=centos7" },
        });
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;

        var a100 = OnAttribute(7, 2, new PlacementConstraintProto { SimpleConstraint = NodeAttribute(NodeAttributeOpCodeProto.Eq, ("nm.yarn.io/gpu-model", "A100")) });
        var notCentos = OnAttribute(8, 2, new PlacementConstraintProto { SimpleConstraint = NodeAttribute(NodeAttributeOpCodeProto.Ne, ("os", "centos7")) });
        var got = (await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { a100, notCentos } })).AllocatedContainers;

        string NodeOf(ContainerProto c) => $"{c.NodeId.Host}:{c.NodeId.Port}";
        Assert.Equal([cluster.Nodes[1].NodeId, cluster.Nodes[1].NodeId], got.Where(c => c.AllocationRequestId == 7).Select(NodeOf));
        // os is rm.yarn.io/os (no prefix): only node 2 has centos7; nodes 0 and 1 lack the attribute, which satisfies !=.
        Assert.Equal(2, got.Count(c => c.AllocationRequestId == 8));
        Assert.DoesNotContain(cluster.Nodes[2].NodeId, got.Where(c => c.AllocationRequestId == 8).Select(NodeOf));

        using var http = RmHttp.Create(cluster.RmRestUri);
        var (_, nodes, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes");
        var byId = nodes!["nodes"]!["node"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!["nodeAttributesInfo"]!);
        Assert.Equal("{}", byId[cluster.Nodes[0].NodeId].ToJsonString());
        var two = byId[cluster.Nodes[2].NodeId]["nodeAttributeInfo"]!.AsArray().Select(a => $"{a!["prefix"]}/{a["name"]}={a["value"]}:{a["type"]}");
        Assert.Equal(["nm.yarn.io/gpu-model=V100:STRING", "rm.yarn.io/os=centos7:STRING"], two);
        am.Exit();
    }

    [Fact]
    public async Task Under_an_AND_a_partition_is_not_the_request_partition_so_labelled_nodes_are_never_tried()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 2, GpusPerNode = 4, NodeLabels = new Dictionary<int, string> { [1] = "gpu" },
            NodeAttributes = new Dictionary<int, string> { [1] = "gpu-model,STRING,A100" },
        });
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;
        var withPartition = NodeAttribute(NodeAttributeOpCodeProto.Eq, ("yarn_node_partition/", "gpu"), ("nm.yarn.io/gpu-model", "A100"));
        var and = new PlacementConstraintProto
        {
            CompositeConstraint = new CompositePlacementConstraintProto
            {
                CompositeType = CompositePlacementConstraintProto.Types.CompositeType.And,
                ChildConstraints =
                {
                    new PlacementConstraintProto { SimpleConstraint = NodeAttribute(NodeAttributeOpCodeProto.Eq, ("yarn_node_partition/", "gpu")) },
                    new PlacementConstraintProto { SimpleConstraint = NodeAttribute(NodeAttributeOpCodeProto.Eq, ("nm.yarn.io/gpu-model", "A100")) },
                },
            },
        };

        var first = await rm.AllocateAsync(new AllocateRequestProto
        {
            ResponseId = 0, Progress = 0.1f,
            SchedulingRequests = { OnAttribute(7, 1, and), OnAttribute(8, 1, new PlacementConstraintProto { SimpleConstraint = withPartition }) },
        });
        var second = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = first.ResponseId, Progress = 0.1f });

        // The single constraint names partition gpu and lands on node 1; the AND looks only in the default partition, where no node
        // can satisfy its own partition child, so it stays pending (YARN does not relax it).
        var placed = Assert.Single(first.AllocatedContainers);
        Assert.Equal((8L, cluster.Nodes[1].NodeId), (placed.AllocationRequestId, $"{placed.NodeId.Host}:{placed.NodeId.Port}"));
        Assert.Empty(second.AllocatedContainers);
        am.Exit();
    }

    [Fact]
    public async Task A_scheduler_key_keeps_its_shape_only_numAllocations_may_change_and_it_takes_no_resource_request()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4 });
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;
        var first = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { AntiAffine("workers", 1) } });
        Assert.Single(first.AllocatedContainers);

        // Same key (priority 3, allocation id 7), more containers: allowed.
        var more = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = first.ResponseId, Progress = 0.1f, SchedulingRequests = { AntiAffine("workers", 2) } });

        // Same key, another tag: refused, and nothing of that call applied.
        var retagged = await Assert.ThrowsAsync<HadoopRemoteException>(() =>
            rm.AllocateAsync(new AllocateRequestProto { ResponseId = more.ResponseId, Progress = 0.1f, SchedulingRequests = { AntiAffine("others", 2) } }));
        Assert.Equal("org.apache.hadoop.yarn.exceptions.SchedulerInvalidResoureRequestException", retagged.ClassName);
        Assert.Contains("only numAllocations may change", retagged.RemoteMessage, StringComparison.Ordinal);

        // A ResourceRequest on the key a SchedulingRequest holds: refused too.
        var plain = AmWire.Ask(1, gpus: 1, priority: 3);
        plain.AllocationRequestId = 7;
        var mixed = await Assert.ThrowsAsync<HadoopRemoteException>(() =>
            rm.AllocateAsync(new AllocateRequestProto { ResponseId = more.ResponseId, Progress = 0.1f, Ask = { plain } }));
        Assert.Equal("org.apache.hadoop.yarn.exceptions.SchedulerInvalidResoureRequestException", mixed.ClassName);

        var after = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = more.ResponseId, Progress = 0.1f });
        Assert.Equal(more.ResponseId + 1, after.ResponseId);
        am.Exit();
    }

    [Fact]
    public async Task Scheduling_requests_in_a_call_whose_resource_requests_change_anything_are_not_added()
    {
        // CapacityScheduler.allocate: updateResourceRequests(ask) || updateSchedulingRequests(srs).
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4 });
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;
        var opportunistic = AntiAffine("workers", 1);
        opportunistic.ExecutionType.ExecutionType = ExecutionTypeProto.Opportunistic;

        // Not even validated: with an ANY ResourceRequest in the call, the SchedulingRequests are never looked at.
        var mixed = await rm.AllocateAsync(new AllocateRequestProto
        {
            ResponseId = 0, Progress = 0.1f, Ask = { AmWire.Ask(1, gpus: 0, priority: 1) }, SchedulingRequests = { opportunistic, AntiAffine("others", 1) },
        });
        Assert.All(mixed.AllocatedContainers, c => Assert.Equal(1, c.Priority.Priority));
        Assert.DoesNotContain(cluster.Rm.Read(v => v.Nodes.SelectMany(n => n.Containers).ToList()), c => c.AllocationTags.Count > 0);

        // The same SchedulingRequests alone are processed: the invalid one is refused, the valid one placed.
        var refused = await Assert.ThrowsAsync<HadoopRemoteException>(() =>
            rm.AllocateAsync(new AllocateRequestProto { ResponseId = mixed.ResponseId, Progress = 0.1f, SchedulingRequests = { opportunistic } }));
        Assert.Contains("Only GUARANTEED execution type is supported.", refused.RemoteMessage, StringComparison.Ordinal);
        var alone = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = mixed.ResponseId, Progress = 0.1f, SchedulingRequests = { AntiAffine("others", 1) } });
        Assert.Equal(["others"], Assert.Single(alone.AllocatedContainers).AllocationTags);
        am.Exit();
    }

    [Fact]
    public async Task With_the_handler_disabled_an_allocate_carrying_scheduling_requests_is_refused()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 4, PlacementConstraintsHandler = "disabled" });
        var (am, client) = await RegisteredAmAsync(cluster);
        await using var rm = client;

        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() =>
            rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { AntiAffine("workers", 1) } }));

        Assert.Equal("org.apache.hadoop.yarn.exceptions.YarnException", ex.ClassName);
        Assert.Contains("yarn.resourcemanager.placement-constraints.handler cannot handle placement constraints", ex.RemoteMessage, StringComparison.Ordinal);
        var plain = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f }); // the refused call moved nothing
        Assert.Equal(1, plain.ResponseId);
        am.Exit();
    }
}
