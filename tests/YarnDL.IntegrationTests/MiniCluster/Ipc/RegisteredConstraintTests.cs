using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>Placement constraints an AM gives at registration (RegisterApplicationMasterRequest.placement_constraints, as
/// AMRMClient.registerApplicationMaster(host, port, url, constraints) sends them) apply to SchedulingRequests whose single
/// allocation tag they name.</summary>
public sealed class RegisteredConstraintTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static PlacementConstraintProto NotWith(string tag) => new()
    {
        SimpleConstraint = new SimplePlacementConstraintProto
        {
            Scope = "node", MinCardinality = 0, MaxCardinality = 0,
            TargetExpressions = { new PlacementConstraintTargetProto { TargetType = PlacementConstraintTargetProto.Types.TargetType.AllocationTag, TargetValues = { tag } } },
        },
    };

    private static SchedulingRequestProto Unconstrained(string tag, int count, long allocationId) => new()
    {
        AllocationRequestId = allocationId,
        Priority = new PriorityProto { Priority = 2 },
        ExecutionType = new ExecutionTypeRequestProto { ExecutionType = ExecutionTypeProto.Guaranteed, EnforceExecutionType = true },
        AllocationTags = { tag },
        ResourceSizing = new ResourceSizingProto { NumAllocations = count, Resources = AmWire.Ask(1, gpus: 0).Capability },
    };

    [Fact]
    public async Task A_constraint_registered_for_a_tag_spreads_the_scheduling_requests_carrying_that_tag()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto
        {
            Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "",
            PlacementConstraints = { new PlacementConstraintMapEntryProto { AllocationTags = { "spread" }, PlacementConstraint = NotWith("spread") } },
        });

        var spread = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0, Progress = 0.1f, SchedulingRequests = { Unconstrained("spread", 3, 5) } });
        // Another tag has no registered constraint: all three are placed.
        var free = await rm.AllocateAsync(new AllocateRequestProto { ResponseId = spread.ResponseId, Progress = 0.1f, SchedulingRequests = { Unconstrained("free", 3, 6) } });

        // 2 nodes of 8 GiB would hold all three; the registered anti-affinity allows one "spread" container per node.
        Assert.Equal(2, spread.AllocatedContainers.Count);
        Assert.Equal(2, spread.AllocatedContainers.Select(c => c.NodeId.Port).Distinct().Count());
        Assert.Equal(3, free.AllocatedContainers.Count);
        am.Exit();
    }
}
