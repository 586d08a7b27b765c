using System.Net;
using System.Xml.Linq;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>A MiniCluster with <c>hadoop.rpc.protection = privacy,integrity</c> on its scheduler and NM IPC servers.</summary>
public sealed class ProtectedClusterFixture : MiniClusterFixture
{
    protected override MiniClusterOptions CreateOptions() =>
        new() { Nodes = 1, GpusPerNode = 1, MemoryMbPerNode = 4096, VCoresPerNode = 4, RpcProtection = [SaslQop.Privacy, SaslQop.Integrity] };
}

/// <summary>An AM over privacy and integrity SASL layers against the MiniCluster, and one that cannot meet them.</summary>
public sealed class RpcProtectionTests(ProtectedClusterFixture fixture) : IClassFixture<ProtectedClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static HadoopRpcClientOptions Options(params SaslQop[] protection) => new() { Protection = protection, CallTimeout = Deadline };

    [Fact]
    public async Task Am_registers_allocates_over_privacy_and_starts_a_container_over_integrity()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using var rm = new ApplicationMasterProtocolClient(am.SchedulerEndPoint, am.AmRmToken.ToAuth(), Options(SaslQop.Privacy));
        var reg = await rm.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" });
        Assert.Equal("default", reg.Queue);

        var wire = new AmWire(rm);
        var beats = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.AllocatedContainers.Count) >= 1, Deadline, AmWire.Ask(1, gpus: 1));
        var container = beats.SelectMany(r => r.AllocatedContainers).First();
        var nodeId = NodeId.FromProto(container.NodeId);
        var nmToken = HadoopToken.FromProto(beats.SelectMany(r => r.NmTokens).Single(t => NodeId.FromProto(t.NodeId) == nodeId).Token);
        await using (var nm = new ContainerManagementProtocolClient(new IPEndPoint(IPAddress.Parse(nodeId.Host), nodeId.Port), nmToken.ToAuth(), Options(SaslQop.Integrity)))
        {
            var start = new StartContainersRequestProto();
            start.StartContainerRequest.Add(new StartContainerRequestProto
            {
                ContainerToken = container.ContainerToken,
                ContainerLaunchContext = new ContainerLaunchContextProto { Command = { "true" } },
            });
            var started = await nm.StartContainersAsync(start);
            Assert.Equal(container.Id, Assert.Single(started.SucceededRequests));
        }

        var done = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.CompletedContainerStatuses.Count) >= 1, Deadline);
        Assert.Equal(0, done.SelectMany(r => r.CompletedContainerStatuses).Single().ExitStatus);
        var fin = await rm.FinishApplicationMasterAsync(new FinishApplicationMasterRequestProto
        {
            FinalApplicationStatus = FinalApplicationStatusProto.AppSucceeded, Diagnostics = "", TrackingUrl = "",
        });
        Assert.True(fin.IsUnregistered);
        am.Exit();
    }

    [Fact]
    public async Task Auth_only_am_gets_a_clear_sasl_error_and_the_scheduler_keeps_serving()
    {
        var am = await ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);
        await using (var authOnly = new ApplicationMasterProtocolClient(am.SchedulerEndPoint, am.AmRmToken.ToAuth(), Options(SaslQop.Authentication)))
        {
            var ex = await Assert.ThrowsAsync<HadoopSaslException>(() =>
                authOnly.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" }));
            Assert.Contains("No common protection layer", ex.Message, StringComparison.Ordinal);
            Assert.Contains("auth-conf,auth-int", ex.Message, StringComparison.Ordinal);
        }

        await using var rm = new ApplicationMasterProtocolClient(am.SchedulerEndPoint, am.AmRmToken.ToAuth(), Options(SaslQop.Integrity));
        var reg = await rm.RegisterApplicationMasterAsync(new RegisterApplicationMasterRequestProto { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" });
        Assert.Equal("default", reg.Queue);
        am.Exit();
    }

    [Fact]
    public void Conf_dir_tells_the_am_the_protection()
    {
        var core = XDocument.Load(Path.Combine(fixture.Cluster.ConfDir, "core-site.xml"));
        var value = core.Descendants("property").Single(p => p.Element("name")!.Value == RpcProtection.Key).Element("value")!.Value;
        Assert.Equal("privacy,integrity", value);
    }
}
