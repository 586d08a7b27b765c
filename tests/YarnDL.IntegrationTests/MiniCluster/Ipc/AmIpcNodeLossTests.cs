using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>A lost node reaches the AM as an updated node (NS_LOST) and its containers complete with -100 (own cluster: it loses a node).</summary>
public sealed class AmIpcNodeLossTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Lost_node_is_reported_in_updated_nodes_and_its_container_completes_aborted()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" });
        var wire = new AmWire(rm);
        var amNode = fixture.Cluster.Rm.Read(v => v.Apps.Single(a => a.Id == am.AppId).CurrentAttempt!.AmContainer!.Node.NodeId);

        // Ask for every GPU of the cluster so one container lands on the node without the AM.
        var beats = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.AllocatedContainers.Count) >= 8, Deadline, AmWire.Ask(8, gpus: 1));
        var victim = beats.SelectMany(r => r.AllocatedContainers).First(c => NodeId.FromProto(c.NodeId).ToString() != amNode);
        var lostNode = NodeId.FromProto(victim.NodeId);

        fixture.Cluster.LoseNode(lostNode.ToString());
        var seen = await wire.HeartbeatUntilAsync(r => r.Any(x => x.UpdatedNodes.Count > 0) && r.Any(x => x.CompletedContainerStatuses.Count > 0), Deadline);
        var update = Assert.Single(seen.SelectMany(r => r.UpdatedNodes));
        Assert.Equal(lostNode, NodeId.FromProto(update.NodeId));
        Assert.Equal(NodeStateProto.NsLost, update.NodeState);
        Assert.Contains(seen.SelectMany(r => r.CompletedContainerStatuses), s => s.ContainerId.Equals(victim.Id) && s.ExitStatus == -100);
        am.Exit();
    }
}
