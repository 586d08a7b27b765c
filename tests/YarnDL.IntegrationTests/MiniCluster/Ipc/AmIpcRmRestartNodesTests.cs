using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>
/// A work-preserving RM restart as Hadoop's RM goes through it: an AM re-registering within
/// yarn.resourcemanager.work-preserving-recovery.scheduling-wait-ms gets the configured maximum, whose yarn.io/gpu (no
/// maximum configured) is Long.MAX_VALUE; the NodeManagers re-register and every AM hears of each in updated_nodes, RUNNING
/// and with its capability.
/// </summary>
public sealed class AmIpcRmRestartNodesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    [Fact]
    public async Task After_a_restart_the_maximum_gpus_read_long_max_and_the_reregistered_nodes_come_in_updated_nodes()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 2, WorkPreservingRecoverySchedulingWait = TimeSpan.FromMinutes(5) });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using (var before = am.Connect())
        {
            var registered = await before.RegisterApplicationMasterAsync(Registration());
            Assert.Equal(2, Gpus(registered.MaximumCapability));
            var wire = new AmWire(before);
            Assert.Empty((await wire.AllocateAsync()).UpdatedNodes); // the first heartbeat only records the starting states
        }

        cluster.RestartRm();

        await using var after = am.Connect();
        var again = await after.RegisterApplicationMasterAsync(Registration());
        var updated = (await new AmWire(after).AllocateAsync()).UpdatedNodes;

        Assert.Equal(long.MaxValue, Gpus(again.MaximumCapability));
        Assert.Equal(cluster.Nodes.Select(n => n.NodeId).Order(), updated.Select(n => NodeId.FromProto(n.NodeId).ToString()).Order());
        Assert.All(updated, n => Assert.Equal(NodeStateProto.NsRunning, n.NodeState));
        Assert.All(updated, n => Assert.Equal(2, Gpus(n.Capability)));
        am.Exit();
    }

    private static long Gpus(ResourceProto r) => r.ResourceValueMap.Single(i => i.Key == "yarn.io/gpu").Value;
}
