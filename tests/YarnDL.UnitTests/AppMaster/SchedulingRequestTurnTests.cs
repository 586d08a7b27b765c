using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The CapacityScheduler adds a call's SchedulingRequests only when its ResourceRequests change nothing, so the
/// AM never sends both kinds in one allocate.</summary>
public sealed class SchedulingRequestTurnTests
{
    private static readonly AskKey Chief = new(1, 1);
    private static readonly AskKey Workers = new(2, 2);
    private static readonly Capability Cpu = new(1024, 1, 0);
    private readonly FakeResourceManager _rm = new();
    private readonly AmRmClient _client;

    public SchedulingRequestTurnTests()
    {
        _client = new AmRmClient(_rm, new FakeTimeProvider(), NullLogger<AmRmClient>.Instance);
    }

    [Fact]
    public async Task Resource_and_scheduling_requests_waiting_together_go_out_in_separate_calls()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Chief, Cpu, 1, null);
        _client.AddAsk(Workers, Cpu, 3, null, ConstrainedPlacement.Spread("workers"));

        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);

        var sent = _rm.Calls.Select(c => AmProtoMapper.ToProto(c)).ToList();
        Assert.All(sent, p => Assert.False(p.Ask.Count > 0 && p.SchedulingRequests.Count > 0, $"mixed call: {p}"));
        Assert.Single(sent.Take(2), p => p.Ask.Count == 1);
        Assert.Single(sent.Take(2), p => p.SchedulingRequests.Count == 1);
        Assert.Equal(3, sent.Take(2).Single(p => p.SchedulingRequests.Count == 1).SchedulingRequests[0].ResourceSizing.NumAllocations);
        Assert.Empty(_rm.Calls[2].Asks);
    }

    [Fact]
    public async Task Plain_asks_changing_every_call_do_not_starve_the_scheduling_requests()
    {
        await _client.RegisterAsync("am", 0, "", default);
        for (var i = 0; i < 4; i++)
        {
            _client.AddAsk(Chief, Cpu, 1, null);
            if (i == 1)
            {
                _client.AddAsk(Workers, Cpu, 2, null, ConstrainedPlacement.Spread("workers"));
            }

            await _client.HeartbeatAsync(0, default);
        }

        Assert.Equal([[Chief], [Workers], [Chief], [Chief]], _rm.Calls.Select(c => c.Asks.Select(a => a.Key).ToArray()).ToArray());
    }

    [Fact]
    public async Task After_a_resync_both_kinds_are_sent_again_each_in_its_own_call()
    {
        await _client.RegisterAsync("am", 0, "", default);
        _client.AddAsk(Chief, Cpu, 1, null);
        _client.AddAsk(Workers, Cpu, 2, null, ConstrainedPlacement.Spread("workers"));
        await _client.HeartbeatAsync(0, default);
        await _client.HeartbeatAsync(0, default);
        _rm.Script.Enqueue(_ => new AllocateResult { Command = AmCommand.Resync });

        await _client.HeartbeatAsync(0, default); // resync: re-register, then one call with one kind
        await _client.HeartbeatAsync(0, default); // the other kind

        var afterResync = _rm.Calls.Skip(3).ToList();
        Assert.Equal(2, afterResync.Count);
        Assert.Equal([Chief, Workers], afterResync.SelectMany(c => c.Asks).Select(a => a.Key).OrderBy(k => k.Priority).ToList());
        Assert.All(afterResync, c => Assert.Single(c.Asks));
    }
}
