using System.Net;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>The AMRMToken master key roll as AMRMTokenSecretManager does it (next key handed out in am_rm_token, old key
/// retired at activation), and restarts and failovers dropping every scheduler connection so AMs re-authenticate.</summary>
public sealed class AmRmTokenRollTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RegisterApplicationMasterRequestProto Registration() => new() { Host = "127.0.0.1", RpcPort = 0, TrackingUrl = "" };

    [Fact]
    public async Task After_activation_the_old_key_is_refused_and_a_restart_makes_the_client_reconnect_with_the_rolled_token()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1 });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        var current = am.AmRmToken;
        await using var rm = new ApplicationMasterProtocolClient(am.SchedulerEndPoint, () => current.ToAuth());
        await rm.RegisterApplicationMasterAsync(Registration());
        var wire = new AmWire(rm);

        cluster.RollAmRmTokenMasterKey();
        var handedOut = (await wire.AllocateAsync()).AmRmToken;
        Assert.NotNull(handedOut);
        current = HadoopToken.FromProto(handedOut);
        // Both keys are valid until the rolled one is activated.
        await using (var oldKey = am.Connect())
        {
            await oldKey.AllocateAsync(new AllocateRequestProto { ResponseId = wire.ResponseId });
            wire.ResponseId++;
        }

        cluster.ActivateNextAmRmTokenMasterKey();
        Assert.Null((await wire.AllocateAsync()).AmRmToken);
        await using (var retired = am.Connect())
        {
            var refused = await Assert.ThrowsAsync<HadoopRemoteException>(() => retired.AllocateAsync(new AllocateRequestProto { ResponseId = wire.ResponseId }));
            Assert.Equal(HadoopExceptionNames.InvalidToken, refused.ClassName);
            Assert.True(refused.IsFatal);
        }

        cluster.RestartRm();

        // The restart closed the connection; the next call reconnects with the rolled token and learns of the restart.
        var lost = await AllocateAcrossTheDropAsync(wire);
        Assert.Equal(HadoopExceptionNames.ApplicationMasterNotRegistered, lost.ClassName);
        await rm.RegisterApplicationMasterAsync(Registration());
        wire.ResponseId = 0;
        Assert.Equal(1, (await wire.AllocateAsync()).ResponseId);
        am.Exit();
    }

    [Fact]
    public async Task Rolling_interval_rolls_and_activation_delay_retires_the_old_key()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 1, TimeProvider = time, AmRmTokenRollingInterval = TimeSpan.FromMinutes(10), AmLivenessExpiryInterval = TimeSpan.FromMinutes(2),
        });
        var activated = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.AmRmTokenKeyActivated += id => activated.TrySetResult(id);
        var first = cluster.Rm.AmRmTokens.KeyId;

        time.Advance(TimeSpan.FromMinutes(10));
        var next = Assert.IsType<int>(cluster.Rm.AmRmTokens.NextKeyId);
        Assert.NotEqual(first, next);
        Assert.Equal(next, cluster.Rm.AmRmTokens.KeyId);
        Assert.NotNull(cluster.Rm.AmRmTokens.PasswordFor([1], first));
        Assert.False(activated.Task.IsCompleted);

        time.Advance(TimeSpan.FromMinutes(3)); // 1.5 × the AM liveness expiry interval
        Assert.Equal(next, await activated.Task.WaitAsync(Deadline));
        Assert.Null(cluster.Rm.AmRmTokens.NextKeyId);
        Assert.Null(cluster.Rm.AmRmTokens.PasswordFor([1], first));
        Assert.NotNull(cluster.Rm.AmRmTokens.PasswordFor([1], next));
    }

    [Fact]
    public void Rolling_interval_must_exceed_three_times_the_am_expiry_interval_as_hadoop_checks()
    {
        var options = new MiniClusterOptions { AmRmTokenRollingInterval = TimeSpan.FromMinutes(3), AmLivenessExpiryInterval = TimeSpan.FromMinutes(1) };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("yarn.resourcemanager.am-rm-tokens.master-key-rolling-interval-secs", e.Message, StringComparison.Ordinal);
        Assert.Contains("should be more than 3 X yarn.am.liveness-monitor.expiry-interval-ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ha_rms_have_distinct_scheduler_addresses_only_the_active_listens_and_failover_moves_the_am()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, HighAvailability = true });
        Assert.NotEqual(cluster.SchedulerAddresses["rm1"], cluster.SchedulerAddresses["rm2"]);
        var site = await File.ReadAllTextAsync(Path.Combine(cluster.ConfDir, "yarn-site.xml"));
        Assert.Contains(cluster.SchedulerAddresses["rm2"], site, StringComparison.Ordinal);
        using var http = RmHttp.Create(cluster.RmRestUri);
        var am = await ShellAm.SubmitAsync(cluster, http, Deadline);
        // A standby RM runs no ApplicationMasterService: nothing listens on its scheduler address.
        await using (var standby = new ApplicationMasterProtocolClient(IPEndPoint.Parse(cluster.SchedulerAddresses["rm2"]), am.AmRmToken.ToAuth()))
        {
            AssertRefused(await Assert.ThrowsAsync<HadoopConnectionException>(() => standby.RegisterApplicationMasterAsync(Registration())));
        }

        await using var rm1 = am.Connect();
        await rm1.RegisterApplicationMasterAsync(Registration());

        cluster.Failover();

        Assert.Equal(cluster.SchedulerAddresses["rm2"], cluster.SchedulerAddress);
        var wire1 = new AmWire(rm1);
        // The connection to rm1 is dropped; the reconnect is refused now that rm1 is the standby.
        try
        {
            await wire1.AllocateAsync();
            Assert.Fail("rm1 answered an allocate after it became the standby");
        }
        catch (HadoopConnectionException)
        {
        }

        AssertRefused(await Assert.ThrowsAsync<HadoopConnectionException>(() => wire1.AllocateAsync()));
        await using var rm2 = new ApplicationMasterProtocolClient(IPEndPoint.Parse(cluster.SchedulerAddresses["rm2"]), am.AmRmToken.ToAuth());
        await rm2.RegisterApplicationMasterAsync(Registration());
        Assert.Equal(1, (await new AmWire(rm2).AllocateAsync()).ResponseId);

        cluster.Failover(); // back to rm1, on the same port, while its closed connections may still be in TIME_WAIT

        Assert.Equal(cluster.SchedulerAddresses["rm1"], cluster.SchedulerAddress);
        await using var again = new ApplicationMasterProtocolClient(IPEndPoint.Parse(cluster.SchedulerAddresses["rm1"]), am.AmRmToken.ToAuth());
        await again.RegisterApplicationMasterAsync(Registration());
        am.Exit();
    }

    private static void AssertRefused(HadoopConnectionException e) =>
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, Assert.IsType<System.Net.Sockets.SocketException>(e.InnerException).SocketErrorCode);

    /// <summary>The first allocate after the server closed the connection: either the client already saw the close and
    /// reconnects at once, or the call fails with the broken connection and the next one reconnects.</summary>
    private static async Task<HadoopRemoteException> AllocateAcrossTheDropAsync(AmWire wire)
    {
        try
        {
            return await Assert.ThrowsAsync<HadoopRemoteException>(() => wire.AllocateAsync());
        }
        catch (Xunit.Sdk.ThrowsException e) when (e.InnerException is HadoopConnectionException)
        {
            return await Assert.ThrowsAsync<HadoopRemoteException>(() => wire.AllocateAsync());
        }
    }
}
