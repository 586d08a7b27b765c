using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Startup;
using YarnDL.Hadoop.Security;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The real IPC adapters against a scripted RM/NM made of HadoopRpcServer on loopback (TOKEN auth).</summary>
public sealed class HadoopBindingsLoopbackTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("yarndl-amipc-").FullName;

    [Fact]
    public async Task Adapter_registers_allocates_starts_on_the_nm_and_sees_resync()
    {
        await using var peers = new ScriptedYarnPeers();
        var credentials = new HadoopCredentials();
        credentials.Tokens.Add(new("some-other", new HadoopToken([1], [2], "HDFS_DELEGATION_TOKEN", "nn:8020")));
        credentials.Tokens.Add(new(string.Empty, peers.AmRmToken));
        var tokenFile = Path.Combine(_dir, "container_tokens");
        await File.WriteAllBytesAsync(tokenFile, TokenStorage.Write(credentials));
        var env = AmEnvironment.Read(name => name switch
        {
            "CONTAINER_ID" => "container_1700000000000_0001_01_000001",
            "NM_HOST" => "127.0.0.1",
            "HADOOP_TOKEN_FILE_LOCATION" => tokenFile,
            _ => null,
        });
        // HA: rm1 is down, rm2 is the scripted RM, so the adapter must cycle to it.
        var site = YarnSite.Parse(string.Create(CultureInfo.InvariantCulture, $"""
            <configuration>
              <property><name>yarn.resourcemanager.ha.enabled</name><value>true</value></property>
              <property><name>yarn.resourcemanager.ha.rm-ids</name><value>rm1,rm2</value></property>
              <property><name>yarn.resourcemanager.scheduler.address.rm1</name><value>127.0.0.1:{ScriptedYarnPeers.DeadPort()}</value></property>
              <property><name>yarn.resourcemanager.scheduler.address.rm2</name><value>127.0.0.1:{peers.Rm.LocalEndPoint.Port}</value></property>
            </configuration>
            """));

        var bindings = HadoopBindings.Create(env, site);
        await using var rm = (IpcResourceManager)bindings.ResourceManager;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var registration = await rm.RegisterAsync("127.0.0.1", 0, "http://127.0.0.1:1/", cts.Token);
        Assert.Equal(8192, registration.MaximumCapability.MemoryMb);
        Assert.Equal("http://127.0.0.1:1/", Assert.Single(peers.Registrations).TrackingUrl);

        var ask = new ResourceAsk(new AskKey(1, 0), new Capability(512, 1, 0), 1, null);
        var result = await rm.AllocateAsync(new AllocateCall(0, 0.1f, [ask], [], [], []), cts.Token);
        Assert.True(peers.Allocations.TryPeek(out var sent));
        var sentAsk = Assert.Single(sent.Ask);
        Assert.Equal("*", sentAsk.ResourceName);
        Assert.True(sentAsk.HasAllocationRequestId);
        var container = Assert.Single(result.Allocated);
        Assert.Equal(ScriptedYarnPeers.TaskContainer.ToString(), container.ContainerId);
        Assert.Equal(peers.NmNode.ToString(), container.NodeId);

        var amrm = new AmRmClient(rm, TimeProvider.System, NullLogger<AmRmClient>.Instance);
        amrm.NmTokens.Update(result.NmTokens);
        var nms = bindings.NodeManagers(amrm);
        await nms.StartAsync(container, new LaunchSpec(new Dictionary<string, string> { ["K"] = "V" }, "true"), cts.Token);
        var (identifier, start) = Assert.Single(peers.Starts);
        Assert.Equal(peers.NmToken.Identifier, identifier);
        var request = Assert.Single(start.StartContainerRequest);
        Assert.Equal(peers.ContainerToken, request.ContainerToken);
        Assert.Contains(request.ContainerLaunchContext.Environment, e => e.Key == "K" && e.Value == "V");
        // The task gets the AM's credentials without the AMRMToken.
        var taskCredentials = TokenStorage.Read(request.ContainerLaunchContext.Tokens.ToByteArray());
        var passed = Assert.Single(taskCredentials.Tokens);
        Assert.Equal(("some-other", "HDFS_DELEGATION_TOKEN", "nn:8020"), (passed.Key, passed.Value.Kind, passed.Value.Service));
        await ((IAsyncDisposable)nms).DisposeAsync();

        await Assert.ThrowsAsync<RmNotRegisteredException>(() => rm.AllocateAsync(new AllocateCall(1, 0.2f, [], [], [], []), cts.Token));
    }

    [Fact]
    public void A_token_file_without_an_AMRMToken_is_a_startup_error()
    {
        var credentials = new HadoopCredentials();
        credentials.Tokens.Add(new("x", new HadoopToken([1], [2], "HDFS_DELEGATION_TOKEN", "nn:8020")));
        var tokenFile = Path.Combine(_dir, "no_amrm");
        File.WriteAllBytes(tokenFile, TokenStorage.Write(credentials, TokenStorageFormat.Protobuf));
        var env = AmEnvironment.Read(name => name switch
        {
            "CONTAINER_ID" => "container_1700000000000_0001_01_000001",
            "NM_HOST" => "127.0.0.1",
            "HADOOP_TOKEN_FILE_LOCATION" => tokenFile,
            _ => null,
        });

        var e = Assert.Throws<StartupException>(() => HadoopBindings.Create(env, YarnSite.Parse("<configuration/>")));
        Assert.Contains("YARN_AM_RM_TOKEN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reachable_scheduler_is_a_transient_failure_naming_the_endpoints()
    {
        var credentials = new HadoopCredentials();
        credentials.Tokens.Add(new(string.Empty, new HadoopToken([1], [2], HadoopToken.AmRmTokenKind, string.Empty)));
        var tokenFile = Path.Combine(_dir, "amrm_only");
        await File.WriteAllBytesAsync(tokenFile, TokenStorage.Write(credentials));
        var env = AmEnvironment.Read(name => name switch
        {
            "CONTAINER_ID" => "container_1700000000000_0001_01_000001",
            "NM_HOST" => "127.0.0.1",
            "HADOOP_TOKEN_FILE_LOCATION" => tokenFile,
            _ => null,
        });
        var dead = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{ScriptedYarnPeers.DeadPort()}");
        var site = YarnSite.Parse($"<configuration><property><name>yarn.resourcemanager.scheduler.address</name><value>{dead}</value></property></configuration>");
        await using var rm = (IpcResourceManager)HadoopBindings.Create(env, site).ResourceManager;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<SchedulerUnreachableException>(() => rm.RegisterAsync("h", 0, "u", cts.Token));

        Assert.True(e.IsTransient);
        Assert.Equal([dead], e.EndpointsTried);
    }

    [Fact]
    public async Task A_wrong_token_password_is_an_authentication_failure_naming_the_scheduler_not_a_retry()
    {
        await using var peers = new ScriptedYarnPeers();
        var credentials = new HadoopCredentials();
        var wrong = new HadoopToken(peers.AmRmToken.Identifier, new byte[20], peers.AmRmToken.Kind, peers.AmRmToken.Service);
        credentials.Tokens.Add(new(string.Empty, wrong));
        var tokenFile = Path.Combine(_dir, "wrong_password");
        await File.WriteAllBytesAsync(tokenFile, TokenStorage.Write(credentials));
        var env = AmEnvironment.Read(name => name switch
        {
            "CONTAINER_ID" => "container_1700000000000_0001_01_000001",
            "NM_HOST" => "127.0.0.1",
            "HADOOP_TOKEN_FILE_LOCATION" => tokenFile,
            _ => null,
        });
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{peers.Rm.LocalEndPoint.Port}");
        var site = YarnSite.Parse($"<configuration><property><name>yarn.resourcemanager.scheduler.address</name><value>{address}</value></property></configuration>");
        await using var rm = (IpcResourceManager)HadoopBindings.Create(env, site).ResourceManager;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<RmAuthenticationException>(() => rm.RegisterAsync("h", 0, "u", cts.Token));

        Assert.Equal(address, e.Address);
        Assert.Equal(YarnDL.AppMaster.AmExitCodes.RmUnavailable, YarnDL.AppMaster.AmExitCodes.For(e));
        Assert.Empty(peers.Registrations);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
