using System.Net;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>Resync after a work-preserving RM restart and preemption, seen by an AM over Hadoop IPC.</summary>
public sealed class AmIpcFaultTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    [Fact]
    public async Task Rm_restart_makes_next_allocate_not_registered_and_reregistering_works()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        var wire = new AmWire(rm);
        await wire.AllocateAsync();

        var (status, _, _) = await fixture.Http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/rm-restart", "{}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NoContent, $"fault endpoint answered {status}");

        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => wire.AllocateAsync());
        Assert.Equal(HadoopExceptionNames.ApplicationMasterNotRegistered, ex.ClassName);

        await rm.RegisterApplicationMasterAsync(Registration());
        wire.ResponseId = 0;
        var after = await wire.AllocateAsync();
        Assert.Equal(1, after.ResponseId);
        am.Exit();
    }

    [Fact]
    public async Task Preempted_container_is_announced_in_strict_contract_then_completes_with_minus_102()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        var wire = new AmWire(rm);
        var beats = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.AllocatedContainers.Count) >= 1, Deadline, AmWire.Ask(1, gpus: 1));
        var container = beats.SelectMany(r => r.AllocatedContainers).Single();
        var nodeId = NodeId.FromProto(container.NodeId);
        var nmToken = HadoopToken.FromProto(beats.SelectMany(r => r.NmTokens).Single(t => NodeId.FromProto(t.NodeId) == nodeId).Token);
        await using (var nm = new ContainerManagementProtocolClient(new IPEndPoint(IPAddress.Parse(nodeId.Host), nodeId.Port), nmToken.ToAuth()))
        {
            var start = new StartContainersRequestProto();
            start.StartContainerRequest.Add(new StartContainerRequestProto
            {
                ContainerToken = container.ContainerToken,
                ContainerLaunchContext = new ContainerLaunchContextProto { Command = { "sleep 300" } },
            });
            Assert.Single((await nm.StartContainersAsync(start)).SucceededRequests);
        }

        var id = ContainerId.FromProto(container.Id).ToString();
        Assert.Equal([id], fixture.Cluster.Preempt(am.AppId, 1));
        var seen = await wire.HeartbeatUntilAsync(r => r.Any(x => x.CompletedContainerStatuses.Count > 0), Deadline);
        var notice = seen.First(r => r.Preempt is not null).Preempt;
        Assert.Equal(container.Id, Assert.Single(notice.StrictContract.Container).Id);
        var completed = Assert.Single(seen.SelectMany(r => r.CompletedContainerStatuses));
        Assert.Equal(-102, completed.ExitStatus);
        am.Exit();
    }

    [Fact]
    public async Task Nm_refuses_container_token_of_another_node_and_stop_gives_minus_105()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        var wire = new AmWire(rm);
        var beats = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.AllocatedContainers.Count) >= 1, Deadline, AmWire.Ask(1, gpus: 0, priority: 2));
        var container = beats.SelectMany(r => r.AllocatedContainers).Single();
        var nodeId = NodeId.FromProto(container.NodeId);
        var nmToken = HadoopToken.FromProto(beats.SelectMany(r => r.NmTokens).Single(t => NodeId.FromProto(t.NodeId) == nodeId).Token);

        var other = fixture.Cluster.Nodes.First(n => n.NodeId != nodeId.ToString());
        await using (var wrongNode = new ContainerManagementProtocolClient(new IPEndPoint(IPAddress.Loopback, other.RpcPort), nmToken.ToAuth()))
        {
            var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => wrongNode.GetContainerStatusesAsync(new GetContainerStatusesRequestProto()));
            Assert.Equal(HadoopExceptionNames.InvalidToken, ex.ClassName);
        }

        await using var nm = new ContainerManagementProtocolClient(new IPEndPoint(IPAddress.Parse(nodeId.Host), nodeId.Port), nmToken.ToAuth());
        var bad = new StartContainersRequestProto();
        var tampered = container.ContainerToken.Clone();
        tampered.Password = Google.Protobuf.ByteString.CopyFrom(new byte[20]);
        bad.StartContainerRequest.Add(new StartContainerRequestProto { ContainerToken = tampered, ContainerLaunchContext = new() { Command = { "true" } } });
        var refused = Assert.Single((await nm.StartContainersAsync(bad)).FailedRequests);
        Assert.Equal(HadoopExceptionNames.InvalidToken, refused.Exception.ClassName);

        var good = new StartContainersRequestProto();
        good.StartContainerRequest.Add(new StartContainerRequestProto { ContainerToken = container.ContainerToken, ContainerLaunchContext = new() { Command = { "sleep 300" } } });
        Assert.Single((await nm.StartContainersAsync(good)).SucceededRequests);
        var stop = new StopContainersRequestProto();
        stop.ContainerId.Add(container.Id);
        Assert.Single((await nm.StopContainersAsync(stop)).SucceededRequests);

        var seen = await wire.HeartbeatUntilAsync(r => r.Any(x => x.CompletedContainerStatuses.Count > 0), Deadline);
        Assert.Equal(-105, Assert.Single(seen.SelectMany(r => r.CompletedContainerStatuses)).ExitStatus);
        var statuses = await nm.GetContainerStatusesAsync(new GetContainerStatusesRequestProto { ContainerId = { container.Id } });
        Assert.Equal(ContainerStateProto.CComplete, Assert.Single(statuses.Status).State);

        // Completed, so in the NM's recently-stopped set: stopping it again succeeds (as NMClientAsync expects after a kill).
        Assert.Single((await nm.StopContainersAsync(stop)).SucceededRequests);
        am.Exit();
    }

    [Fact]
    public async Task Rolled_master_key_sends_a_new_am_rm_token_that_authenticates()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = am.Connect();
        await rm.RegisterApplicationMasterAsync(Registration());
        var wire = new AmWire(rm);
        Assert.Null((await wire.AllocateAsync()).AmRmToken);

        fixture.Cluster.RollAmRmTokenMasterKey();
        var rolled = (await wire.AllocateAsync()).AmRmToken;
        Assert.NotNull(rolled);
        var fresh = HadoopToken.FromProto(rolled);
        Assert.Equal(HadoopToken.AmRmTokenKind, fresh.Kind);
        Assert.NotEqual(YarnTokenSecrets.ParseAmRmIdentifier(am.AmRmToken.Identifier).KeyId, YarnTokenSecrets.ParseAmRmIdentifier(fresh.Identifier).KeyId);

        await using var renewed = am.Connect(fresh.ToAuth());
        var next = await renewed.AllocateAsync(new AllocateRequestProto { ResponseId = wire.ResponseId });
        Assert.Null(next.AmRmToken);
        Assert.Equal(wire.ResponseId + 1, next.ResponseId);
        am.Exit();
    }
}
