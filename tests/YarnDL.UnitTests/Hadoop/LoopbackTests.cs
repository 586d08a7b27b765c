using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

public sealed class LoopbackTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Token_auth_succeeds_and_handler_sees_token_user()
    {
        await using var server = new LoopbackServer(allowSimple: false);
        await using var client = server.TokenClient();
        var response = await client.CallAsync("finishApplicationMaster", new FinishApplicationMasterRequestProto { Diagnostics = "appattempt_1_0001_000001" },
            FinishApplicationMasterResponseProto.Parser).WaitAsync(Deadline);
        Assert.True(response.IsUnregistered);
    }

    [Fact]
    public async Task Simple_auth_passes_the_user()
    {
        await using var server = new LoopbackServer();
        await using var client = server.SimpleClient("bob");
        var response = await client.CallAsync("finishApplicationMaster", new FinishApplicationMasterRequestProto { Diagnostics = "bob" },
            FinishApplicationMasterResponseProto.Parser).WaitAsync(Deadline);
        Assert.True(response.IsUnregistered);
    }

    [Fact]
    public async Task Wrong_password_fails_with_fatal_sasl_error()
    {
        await using var server = new LoopbackServer(allowSimple: false);
        await using var client = server.TokenClient(password: [1, 1, 1]);
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.ConnectAsync().WaitAsync(Deadline));
        Assert.True(ex.IsFatal);
        Assert.Equal(RpcResponseHeaderProto.Types.RpcErrorCodeProto.FatalUnauthorized, ex.ErrorDetail);
        Assert.Equal(HadoopExceptionNames.SaslException, ex.ClassName);
    }

    [Fact]
    public async Task Unknown_token_fails_with_InvalidToken()
    {
        await using var server = new LoopbackServer(allowSimple: false);
        await using var client = new HadoopRpcClient(server.EndPoint, LoopbackServer.Protocol, HadoopAuth.Token([9, 9], LoopbackServer.Password));
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.ConnectAsync().WaitAsync(Deadline));
        Assert.Equal(HadoopExceptionNames.InvalidToken, ex.ClassName);
        Assert.True(ex.IsFatal);
    }

    [Fact]
    public async Task Simple_refused_when_server_requires_tokens()
    {
        await using var server = new LoopbackServer(allowSimple: false);
        await using var client = server.SimpleClient();
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.CallAsync("allocate", new AllocateRequestProto(), AllocateResponseProto.Parser).WaitAsync(Deadline));
        Assert.Equal(HadoopExceptionNames.AccessControl, ex.ClassName);
    }

    [Fact]
    public async Task Concurrent_calls_are_matched_when_answered_out_of_order()
    {
        await using var server = new LoopbackServer();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Gates[0] = gate;
        await using var client = server.TokenClient();
        var slow = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 0 }, AllocateResponseProto.Parser);
        var fast = Enumerable.Range(1, 50).Select(i => client.CallAsync("allocate", new AllocateRequestProto { ResponseId = i }, AllocateResponseProto.Parser)).ToList();
        var fastResults = await Task.WhenAll(fast).WaitAsync(Deadline);
        Assert.False(slow.IsCompleted);
        Assert.Equal(Enumerable.Range(2, 50), fastResults.Select(r => r.ResponseId));
        gate.SetResult();
        Assert.Equal(1, (await slow.WaitAsync(Deadline)).ResponseId);
    }

    [Fact]
    public async Task Unknown_method_is_an_error_and_connection_stays_usable()
    {
        await using var server = new LoopbackServer();
        await using var client = server.TokenClient();
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.CallAsync("noSuchMethod", new AllocateRequestProto(), AllocateResponseProto.Parser).WaitAsync(Deadline));
        Assert.Equal(HadoopExceptionNames.NoSuchMethod, ex.ClassName);
        Assert.False(ex.IsFatal);
        Assert.Equal(RpcResponseHeaderProto.Types.RpcErrorCodeProto.ErrorNoSuchMethod, ex.ErrorDetail);
        var ok = await client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 7 }, AllocateResponseProto.Parser).WaitAsync(Deadline);
        Assert.Equal(8, ok.ResponseId);
    }

    [Fact]
    public async Task Handler_exception_carries_hadoop_class_name()
    {
        await using var server = new LoopbackServer();
        await using var client = server.TokenClient();
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.CallAsync("allocate", new AllocateRequestProto { ResponseId = -5 }, AllocateResponseProto.Parser).WaitAsync(Deadline));
        Assert.Equal(HadoopExceptionNames.InvalidApplicationMasterRequest, ex.ClassName);
        Assert.Equal("bad response id -5", ex.RemoteMessage);
    }

    [Fact]
    public async Task Dispose_fails_outstanding_calls()
    {
        await using var server = new LoopbackServer();
        server.Gates[3] = new TaskCompletionSource();
        var client = server.TokenClient();
        await client.ConnectAsync().WaitAsync(Deadline);
        var pending = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 3 }, AllocateResponseProto.Parser);
        await client.DisposeAsync();
        await Assert.ThrowsAsync<HadoopConnectionException>(() => pending.WaitAsync(Deadline));
    }
}
