using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>
/// A node that joins the cluster for the first time reaches every running AM in updated_nodes, as Hadoop 3.4's RM sends it
/// (RMNodeImpl's add transition → NODE_USABLE → an RMAppNodeUpdateEvent per running application → the next allocate):
/// RUNNING, NODE_USABLE, with its addresses, rack, capability, nothing used and no containers; an unchanged node is not
/// reported again. Own cluster: it grows.
/// </summary>
public sealed class AmIpcNodeJoinTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_new_node_is_reported_running_and_usable_in_updated_nodes_once()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, GpusPerNode = 2 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" });
        var wire = new AmWire(rm);
        Assert.Empty((await wire.AllocateAsync()).UpdatedNodes); // the first heartbeat only records the starting states

        var joined = await cluster.AddNodeAsync();
        var update = Assert.Single((await wire.AllocateAsync()).UpdatedNodes);

        Assert.Equal(joined.NodeId, NodeId.FromProto(update.NodeId).ToString());
        Assert.Equal(NodeStateProto.NsRunning, update.NodeState);
        Assert.Equal(NodeUpdateTypeProto.NodeUsable, update.NodeUpdateType);
        Assert.Equal($"{joined.Host}:{joined.HttpPort}", update.HttpAddress);
        Assert.Equal("/default-rack", update.RackName);
        Assert.Equal(2, update.Capability.ResourceValueMap.Single(i => i.Key == "yarn.io/gpu").Value);
        Assert.Equal(0, update.Used.Memory);
        Assert.Equal(0, update.NumContainers);
        Assert.Empty(update.NodeAttributes);
        Assert.Empty((await wire.AllocateAsync()).UpdatedNodes);
        am.Exit();
    }
}
