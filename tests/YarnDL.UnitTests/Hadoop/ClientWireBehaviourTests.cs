using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>The IPC client against <see cref="RawRpcPeer"/>: header fields, call ids, ping, per-call timeouts and unknown call ids.</summary>
public sealed class ClientWireBehaviourTests
{
    private const string Protocol = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Context_and_calls_carry_one_16_byte_client_id_call_ids_from_0_and_the_spec_retry_counts()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var peer = new RawRpcPeer();
        await using var client = new HadoopRpcClient(peer.EndPoint, Protocol, HadoopAuth.Simple("alice"));
        var first = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 7 }, AllocateResponseProto.Parser);

        Assert.Equal("hrpc"u8.ToArray().Concat(new byte[] { 9, 0, 0 }), await peer.AcceptAsync(cts.Token)); // version 9, service class 0, auth NONE
        var (context, contextBody) = await peer.ReadFrameAsync(cts.Token);
        var (call0, call0Body) = await peer.ReadFrameAsync(cts.Token);
        var second = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 8 }, AllocateResponseProto.Parser);
        var (call1, _) = await peer.ReadFrameAsync(cts.Token);
        await peer.RespondAsync(1, new AllocateResponseProto { ResponseId = 9 }, cts.Token);
        await peer.RespondAsync(0, new AllocateResponseProto { ResponseId = 8 }, cts.Token);

        Assert.Equal((-3, -1), (context.CallId, context.RetryCount));
        Assert.Equal(16, context.ClientId.Length);
        var ctx = IpcConnectionContextProto.Parser.ParseDelimitedFrom(new MemoryStream(contextBody));
        Assert.Equal((Protocol, "alice"), (ctx.Protocol, ctx.UserInfo.EffectiveUser));
        Assert.Equal((0, 0, context.ClientId), (call0.CallId, call0.RetryCount, call0.ClientId));
        Assert.Equal((1, 0, context.ClientId), (call1.CallId, call1.RetryCount, call1.ClientId));
        Assert.Equal((RpcKindProto.RpcProtocolBuffer, RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket), (call0.RpcKind, call0.RpcOp));
        var input = new MemoryStream(call0Body);
        var request = RequestHeaderProto.Parser.ParseDelimitedFrom(input);
        Assert.Equal(("allocate", Protocol, 1UL), (request.MethodName, request.DeclaringClassProtocolName, request.ClientProtocolVersion));
        Assert.Equal(7, AllocateRequestProto.Parser.ParseDelimitedFrom(input).ResponseId);
        Assert.Equal(8, (await first.WaitAsync(cts.Token)).ResponseId);
        Assert.Equal(9, (await second.WaitAsync(cts.Token)).ResponseId);
    }

    [Fact]
    public async Task A_silent_server_gets_a_ping_frame_and_the_call_times_out_after_the_call_timeout()
    {
        using var cts = new CancellationTokenSource(Deadline);
        var time = new FakeTimeProvider();
        await using var peer = new RawRpcPeer();
        var options = new HadoopRpcClientOptions { TimeProvider = time, PingInterval = TimeSpan.FromSeconds(5), CallTimeout = TimeSpan.FromSeconds(12) };
        await using var client = new HadoopRpcClient(peer.EndPoint, Protocol, HadoopAuth.Simple("alice"), options);
        var call = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        await peer.AcceptAsync(cts.Token);
        var (context, _) = await peer.ReadFrameAsync(cts.Token);
        await peer.ReadFrameAsync(cts.Token); // the call, never answered

        time.Advance(TimeSpan.FromSeconds(5));
        var (ping, rest) = await peer.ReadFrameAsync(cts.Token);
        Assert.Equal((-4, -1, context.ClientId), (ping.CallId, ping.RetryCount, ping.ClientId));
        Assert.Empty(rest); // a ping has no payload
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(7));
        var ex = await Assert.ThrowsAsync<HadoopConnectionException>(() => call.WaitAsync(cts.Token));
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_for_an_unknown_call_id_fails_the_outstanding_calls_instead_of_hanging()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var peer = new RawRpcPeer();
        await using var client = new HadoopRpcClient(peer.EndPoint, Protocol, HadoopAuth.Simple("alice"));
        var call = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        await peer.AcceptAsync(cts.Token);
        await peer.ReadFrameAsync(cts.Token);
        await peer.ReadFrameAsync(cts.Token);

        await peer.RespondAsync(99, new AllocateResponseProto(), cts.Token);

        var ex = await Assert.ThrowsAsync<HadoopConnectionException>(() => call.WaitAsync(cts.Token));
        Assert.Contains("99", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_fails_with_cancellation_its_late_answer_is_dropped_and_the_connection_stays_usable()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var peer = new RawRpcPeer();
        await using var client = new HadoopRpcClient(peer.EndPoint, Protocol, HadoopAuth.Simple("alice"));
        using var cancel = new CancellationTokenSource();
        var call = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser, cancel.Token);
        await peer.AcceptAsync(cts.Token);
        await peer.ReadFrameAsync(cts.Token);
        var (sent, _) = await peer.ReadFrameAsync(cts.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(cts.Token));
        await peer.RespondAsync((uint)sent.CallId, new AllocateResponseProto { ResponseId = 1 }, cts.Token);
        var next = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        var (second, _) = await peer.ReadFrameAsync(cts.Token);
        await peer.RespondAsync((uint)second.CallId, new AllocateResponseProto { ResponseId = 2 }, cts.Token);
        Assert.Equal(2, (await next.WaitAsync(cts.Token)).ResponseId);
    }

    [Fact]
    public async Task An_answered_call_does_not_time_out_later_and_the_next_call_gets_its_own_full_timeout()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var timed = await TimedClient.StartAsync(cts.Token);
        var (time, peer, client, first) = (timed.Time, timed.Peer, timed.Client, timed.First);
        var (call0, _) = await peer.ReadFrameAsync(cts.Token);
        await peer.RespondAsync((uint)call0.CallId, new AllocateResponseProto { ResponseId = 1 }, cts.Token);
        Assert.Equal(1, (await first.WaitAsync(cts.Token)).ResponseId);

        time.Advance(TimeSpan.FromSeconds(8));
        var second = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        await peer.ReadFrameAsync(cts.Token);
        time.Advance(TimeSpan.FromSeconds(9)); // past the first call's deadline, not the second's
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<HadoopConnectionException>(() => second.WaitAsync(cts.Token));
        Assert.Contains("timed out after 00:00:10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outstanding_calls_each_time_out_at_their_own_deadline_and_an_answered_one_never()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var timed = await TimedClient.StartAsync(cts.Token);
        var (time, peer, client, first) = (timed.Time, timed.Peer, timed.Client, timed.First);
        await peer.ReadFrameAsync(cts.Token);
        time.Advance(TimeSpan.FromSeconds(3));
        var answered = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        var (answeredCall, _) = await peer.ReadFrameAsync(cts.Token);
        time.Advance(TimeSpan.FromSeconds(2));
        var third = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser);
        await peer.ReadFrameAsync(cts.Token);
        await peer.RespondAsync((uint)answeredCall.CallId, new AllocateResponseProto { ResponseId = 4 }, cts.Token);
        Assert.Equal(4, (await answered.WaitAsync(cts.Token)).ResponseId);

        time.Advance(TimeSpan.FromSeconds(5)); // 10 s: the first call's deadline
        var ex = await Assert.ThrowsAsync<HadoopConnectionException>(() => first.WaitAsync(cts.Token));
        Assert.Contains("(id 0) timed out after 00:00:10", ex.Message, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(4)); // 14 s: past the answered call's deadline, before the third's
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1)); // 15 s
        ex = await Assert.ThrowsAsync<HadoopConnectionException>(() => third.WaitAsync(cts.Token));
        Assert.Contains("(id 2) timed out", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A client with a 10 s call timeout on a fake clock, connected to a raw peer that has read its connection
    /// context; its first call (id 0) is outstanding.</summary>
    private sealed class TimedClient : IAsyncDisposable
    {
        private TimedClient(FakeTimeProvider time, RawRpcPeer peer, HadoopRpcClient client, Task<AllocateResponseProto> first) =>
            (Time, Peer, Client, First) = (time, peer, client, first);

        public FakeTimeProvider Time { get; }

        public RawRpcPeer Peer { get; }

        public HadoopRpcClient Client { get; }

        public Task<AllocateResponseProto> First { get; }

        public static async Task<TimedClient> StartAsync(CancellationToken ct)
        {
            var time = new FakeTimeProvider();
            var peer = new RawRpcPeer();
            var options = new HadoopRpcClientOptions { TimeProvider = time, CallTimeout = TimeSpan.FromSeconds(10) };
            var client = new HadoopRpcClient(peer.EndPoint, Protocol, HadoopAuth.Simple("alice"), options);
            var first = client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser, CancellationToken.None);
            await peer.AcceptAsync(ct);
            await peer.ReadFrameAsync(ct);
            return new TimedClient(time, peer, client, first);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Peer.DisposeAsync();
        }
    }
}
