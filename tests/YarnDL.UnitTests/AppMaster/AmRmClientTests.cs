using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmRmClientTests
{
    private static readonly AskKey Key = new(16, 16);
    private static readonly Capability Gpu = new(2048, 1, 1);
    private readonly FakeResourceManager _rm = new();
    private readonly AmRmClient _client;

    public AmRmClientTests()
    {
        _client = new AmRmClient(_rm, new FakeTimeProvider(), NullLogger<AmRmClient>.Instance);
    }

    [Fact]
    public async Task ResponseId_StartsAtZeroAfterRegister_AndFollowsTheRm()
    {
        await _client.RegisterAsync("am", 0, "http://am:1/", default);
        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);
        Assert.Equal([0, 1], _rm.Calls.Select(c => c.ResponseId));
        Assert.Equal(2, _client.ResponseId);
    }

    [Fact]
    public async Task Asks_AreTotals_SentOnlyWhenChanged_AndDecrementedOnAllocation()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Key, Gpu, 2, "gpu");
        _client.AddAsk(Key, Gpu, 1, "gpu");
        _rm.Script.Enqueue(_ => new AllocateResult { Allocated = [FakeResourceManager.Container("c1", Key)] });
        var first = await _client.HeartbeatAsync(0.5f, default);
        var ask = Assert.Single(_rm.Calls[0].Asks);
        Assert.Equal(3, ask.NumContainers);
        Assert.Equal("gpu", ask.NodeLabel);
        Assert.Equal(1, ask.Capability.Gpus);
        Assert.Single(first.Allocated);
        Assert.Equal(2, _client.Outstanding(Key));

        await _client.HeartbeatAsync(0.5f, default);
        Assert.Equal(2, Assert.Single(_rm.Calls[1].Asks).NumContainers);
        await _client.HeartbeatAsync(0.5f, default);
        Assert.Empty(_rm.Calls[2].Asks);
    }

    [Fact]
    public async Task DuplicateContainers_AreIgnored_AndSurplusIsReleased()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Key, Gpu, 1, null);
        _rm.Script.Enqueue(_ => new AllocateResult { Allocated = [FakeResourceManager.Container("c1", Key), FakeResourceManager.Container("c2", Key)] });
        _rm.Script.Enqueue(_ => new AllocateResult { Allocated = [FakeResourceManager.Container("c1", Key)] });
        var first = await _client.HeartbeatAsync(0, default);
        var second = await _client.HeartbeatAsync(0, default);
        Assert.Equal("c1", Assert.Single(first.Allocated).ContainerId);
        Assert.Equal("c2", Assert.Single(first.Surplus).ContainerId);
        Assert.Empty(second.Allocated);
        Assert.Empty(second.Surplus);
        Assert.Equal(["c2"], _rm.Calls[1].Releases);
    }

    [Fact]
    public async Task ReleasedContainers_StayPendingUntilCompleted_AndTheirCompletionIsFiltered()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.Release("c9");
        _rm.Script.Enqueue(_ => new AllocateResult());
        _rm.Script.Enqueue(_ => new AllocateResult { Completed = [new CompletedContainer("c9", -100, "released"), new CompletedContainer("c8", 1, "boom")] });
        await _client.HeartbeatAsync(0, default);
        var outcome = await _client.HeartbeatAsync(0, default);
        Assert.Equal(["c9"], _rm.Calls[0].Releases);
        Assert.Empty(_rm.Calls[1].Releases);
        Assert.Equal("c8", Assert.Single(outcome.Completed).ContainerId);
    }

    [Fact]
    public async Task NotRegistered_ReRegisters_AndResendsAsksReleasesAndBlacklist()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Key, Gpu, 2, null);
        _client.Release("c5");
        _client.Blacklist("bad-host");
        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);
        Assert.Empty(_rm.Calls[1].Asks);

        _rm.ForgetRegistration = true;
        var outcome = await _client.HeartbeatAsync(0, default);

        Assert.True(outcome.Resynced);
        Assert.Equal(2, _rm.Registrations);
        var resent = _rm.Calls[^1];
        Assert.Equal(0, resent.ResponseId);
        Assert.Equal(2, Assert.Single(resent.Asks).NumContainers);
        Assert.Equal(["c5"], resent.Releases);
        Assert.Equal(["bad-host"], resent.BlacklistAdditions);
    }

    [Fact]
    public async Task ResyncCommand_IsHandledLikeNotRegistered()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Key, Gpu, 1, null);
        _rm.Script.Enqueue(_ => new AllocateResult { Command = AmCommand.Resync });
        var outcome = await _client.HeartbeatAsync(0, default);
        Assert.True(outcome.Resynced);
        Assert.Equal(2, _rm.Registrations);
        Assert.Equal(1, Assert.Single(_rm.Calls[^1].Asks).NumContainers);
    }

    [Fact]
    public async Task RolledAmRmToken_AndNmTokens_AreKept()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _rm.Script.Enqueue(_ => new AllocateResult
        {
            AmRmToken = new byte[] { 9, 9 },
            NmTokens = new Dictionary<string, ReadOnlyMemory<byte>> { ["n1:45454"] = new byte[] { 7 } },
        });
        await _client.HeartbeatAsync(0, default);
        Assert.Equal(new byte[] { 9, 9 }, Assert.Single(_rm.TokenUpdates).ToArray());
        Assert.True(_client.NmTokens.TryGet("n1:45454", out var t));
        Assert.Equal(new byte[] { 7 }, t.ToArray());
    }

    [Fact]
    public async Task Blacklist_SendsDeltas()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.Blacklist("h1");
        await _client.HeartbeatAsync(0, default);
        _client.Unblacklist("h1");
        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);
        Assert.Equal(["h1"], _rm.Calls[0].BlacklistAdditions);
        Assert.Equal(["h1"], _rm.Calls[1].BlacklistRemovals);
        Assert.Empty(_rm.Calls[2].BlacklistAdditions);
        Assert.Empty(_rm.Calls[2].BlacklistRemovals);
    }

    [Fact]
    public async Task Unregister_RetriesUntilTheRmSaysUnregistered()
    {
        var time = new FakeTimeProvider();
        var client = new AmRmClient(_rm, time, NullLogger<AmRmClient>.Instance);
        await client.RegisterAsync("am", 0, "", default);
        _rm.FinishesBeforeUnregistered = 2;
        var done = client.UnregisterAsync(FinalStatus.Succeeded, "ok", TimeSpan.FromSeconds(1), default);
        Assert.False(done.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await done.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _rm.Finishes.Count);
    }
}
