using System.Net;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>An AM over Hadoop IPC (AMRMToken, NMTokens, container tokens) against the MiniCluster, as Hadoop 3.4 does it.</summary>
public sealed class AmIpcTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private Task<ShellAm> SubmitAsync() => ShellAm.SubmitAsync(fixture.Cluster, fixture.Http, Deadline);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    [Fact]
    public async Task Am_registers_runs_two_gpu_containers_over_nm_ipc_and_finishes_succeeded()
    {
        var am = await SubmitAsync();
        Assert.True(File.Exists(am.TokenFile));
        Assert.Equal(am.AppId, ApplicationAttemptId.FromProto(YarnTokenSecrets.ParseAmRmIdentifier(am.AmRmToken.Identifier).AppAttemptId).ApplicationId.ToString());
        await using var rm = am.Connect();

        var reg = await rm.RegisterApplicationMasterAsync(Registration());
        Assert.Equal("default", reg.Queue);
        Assert.Equal(4, reg.MaximumCapability.ResourceValueMap.Single(r => r.Key == "yarn.io/gpu").Value);
        // As DefaultAMSProcessor fills them (Hadoop's ResourcePBImpl indexes resources by these).
        Assert.Equal([("memory-mb", "Mi"), ("vcores", ""), ("yarn.io/gpu", "")], reg.ResourceTypes.Select(t => (t.Name, t.Units)));
        Assert.All(reg.ResourceTypes, t => Assert.Equal(ResourceTypesProto.Countable, t.Type));

        var wire = new AmWire(rm);
        var beats = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.AllocatedContainers.Count) >= 2, Deadline, AmWire.Ask(2, gpus: 1));
        var containers = beats.SelectMany(r => r.AllocatedContainers).ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal(1, c.Resource.ResourceValueMap.Single(r => r.Key == "yarn.io/gpu").Value));
        var nmTokens = beats.SelectMany(r => r.NmTokens).ToList();
        Assert.Equal(containers.Select(c => NodeId.FromProto(c.NodeId)).Distinct().Count(), nmTokens.Count);

        foreach (var c in containers)
        {
            var nodeId = NodeId.FromProto(c.NodeId);
            var nmToken = HadoopToken.FromProto(nmTokens.Single(t => NodeId.FromProto(t.NodeId) == nodeId).Token);
            await using var nm = new ContainerManagementProtocolClient(new IPEndPoint(IPAddress.Parse(nodeId.Host), nodeId.Port), nmToken.ToAuth());
            var marker = Path.Combine(am.Dir, "marker-" + ContainerId.FromProto(c.Id));
            var start = new StartContainersRequestProto();
            start.StartContainerRequest.Add(new StartContainerRequestProto
            {
                ContainerToken = c.ContainerToken,
                ContainerLaunchContext = new ContainerLaunchContextProto { Command = { $"echo $CONTAINER_ID > '{marker}'" } },
            });
            var started = await nm.StartContainersAsync(start);
            Assert.Empty(started.FailedRequests);
            Assert.Equal(c.Id, Assert.Single(started.SucceededRequests));
        }

        var done = await wire.HeartbeatUntilAsync(seen => seen.Sum(r => r.CompletedContainerStatuses.Count) >= 2, Deadline);
        var statuses = done.SelectMany(r => r.CompletedContainerStatuses).ToList();
        Assert.All(statuses, s => Assert.Equal(0, s.ExitStatus));
        Assert.All(statuses, s => Assert.Equal(ContainerStateProto.CComplete, s.State));
        Assert.Equal(containers.Select(c => c.Id).OrderBy(i => i.Id), statuses.Select(s => s.ContainerId).OrderBy(i => i.Id));
        foreach (var c in containers)
        {
            var id = ContainerId.FromProto(c.Id).ToString();
            Assert.Equal(id, (await File.ReadAllTextAsync(Path.Combine(am.Dir, "marker-" + id))).Trim());
        }

        var fin = await rm.FinishApplicationMasterAsync(new FinishApplicationMasterRequestProto
        {
            FinalApplicationStatus = FinalApplicationStatusProto.AppSucceeded, Diagnostics = "all good", TrackingUrl = "",
        });
        Assert.True(fin.IsUnregistered);
        am.Exit();
        Assert.Equal("FINISHED", await fixture.Cluster.WaitForAppStateAsync(am.AppId, Deadline, "FINISHED", "FAILED", "KILLED"));
        var (_, body, _) = await fixture.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{am.AppId}");
        Assert.Equal("SUCCEEDED", body!["app"]!["finalStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Allocate_before_register_is_ApplicationMasterNotRegistered()
    {
        var am = await SubmitAsync();
        await using var rm = am.Connect();
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => rm.AllocateAsync(new AllocateRequestProto { ResponseId = 0 }));
        Assert.Equal(HadoopExceptionNames.ApplicationMasterNotRegistered, ex.ClassName);
        Assert.False(ex.IsFatal);
        am.Exit();
    }

    [Fact]
    public async Task Wrong_password_fails_sasl_and_forged_identifier_is_InvalidToken()
    {
        var am = await SubmitAsync();
        var badPassword = am.AmRmToken.Password.Select(b => (byte)(b ^ 0xFF)).ToArray();
        await using (var client = new HadoopRpcClient(am.SchedulerEndPoint, YarnProtocols.ApplicationMaster, HadoopAuth.Token(am.AmRmToken.Identifier, badPassword)))
        {
            var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.ConnectAsync().WaitAsync(Deadline));
            Assert.True(ex.IsFatal);
            Assert.Equal(HadoopExceptionNames.SaslException, ex.ClassName);
        }

        var forged = YarnTokenSecrets.ParseAmRmIdentifier(am.AmRmToken.Identifier);
        forged.KeyId++;
        await using (var client = new HadoopRpcClient(am.SchedulerEndPoint, YarnProtocols.ApplicationMaster, HadoopAuth.Token(Google.Protobuf.MessageExtensions.ToByteArray(forged), am.AmRmToken.Password)))
        {
            var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.ConnectAsync().WaitAsync(Deadline));
            Assert.Equal(HadoopExceptionNames.InvalidToken, ex.ClassName);
        }

        await using (var simple = new HadoopRpcClient(am.SchedulerEndPoint, YarnProtocols.ApplicationMaster, HadoopAuth.Simple("alice")))
        {
            var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => simple.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser).WaitAsync(Deadline));
            Assert.Equal(HadoopExceptionNames.AccessControl, ex.ClassName);
        }

        am.Exit();
    }
}
