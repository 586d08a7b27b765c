using System.Net;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Calls whose request (server) and response (client) are decoded by a <see cref="ProtoDecoder{T}"/> instead of
/// a generated parser: the round trip, and what a decoder's failure does to the call and the connection.</summary>
public sealed class DecoderLoopbackTests : IAsyncDisposable
{
    private const string Protocol = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly HadoopRpcServer _server = new(new HadoopRpcServerOptions { AllowSimple = true });
    private readonly HadoopRpcClient _client;

    public DecoderLoopbackTests()
    {
        // The request decoder reads response_id; -1 is "malformed", -2 a decoder bug.
        _server.Register<int, AllocateResponseProto>(Protocol, "allocate", ResponseIdOf, (_, id, _) => Task.FromResult(new AllocateResponseProto { ResponseId = id + 1, NumClusterNodes = 3 }));
        _client = new HadoopRpcClient(_server.Start(), Protocol, HadoopAuth.Simple("alice"));
    }

    [Fact]
    public async Task Both_halves_decode_into_their_own_types()
    {
        var (responseId, nodes) = await _client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 41 }, Decode).WaitAsync(Deadline);

        Assert.Equal(42, responseId);
        Assert.Equal(3, nodes);
    }

    [Fact]
    public async Task A_request_the_server_decoder_refuses_is_a_fatal_deserializing_error()
    {
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => _client.CallAsync("allocate", new AllocateRequestProto { ResponseId = -1 }, Decode).WaitAsync(Deadline));

        Assert.True(ex.IsFatal);
        Assert.Equal(RpcResponseHeaderProto.Types.RpcErrorCodeProto.FatalDeserializingRequest, ex.ErrorDetail);
        Assert.Contains("Cannot parse the allocate request", ex.RemoteMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_decoder_bug_is_an_error_answer_and_the_connection_goes_on()
    {
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => _client.CallAsync("allocate", new AllocateRequestProto { ResponseId = -2 }, Decode).WaitAsync(Deadline));
        Assert.False(ex.IsFatal);
        Assert.Contains("InvalidOperationException", ex.RemoteMessage, StringComparison.Ordinal);

        var (responseId, _) = await _client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 1 }, Decode).WaitAsync(Deadline);
        Assert.Equal(2, responseId);
    }

    [Fact]
    public async Task A_response_the_client_decoder_refuses_fails_that_call_only()
    {
        var ex = await Assert.ThrowsAsync<HadoopConnectionException>(() =>
            _client.CallAsync<int>("allocate", new AllocateRequestProto { ResponseId = 5 }, _ => throw new ProtoWireException("bad bytes", 3)).WaitAsync(Deadline));
        Assert.Contains("Malformed Int32 response: bad bytes (at byte 3)", ex.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _client.CallAsync<int>("allocate", new AllocateRequestProto { ResponseId = 5 }, _ => throw new InvalidOperationException("decoder bug")).WaitAsync(Deadline));

        var (responseId, _) = await _client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 6 }, Decode).WaitAsync(Deadline);
        Assert.Equal(7, responseId);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static int ResponseIdOf(ReadOnlySpan<byte> bytes)
    {
        var id = 0;
        var r = new ProtoReader(bytes);
        while (r.TryReadTag(out var tag))
        {
            if (tag == ((4 << 3) | 0))
            {
                id = r.ReadInt32();
            }
            else
            {
                r.SkipLastField();
            }
        }

        return id switch
        {
            -1 => throw new ProtoWireException("response_id -1 refused", r.Offset),
            -2 => throw new InvalidOperationException("decoder bug"),
            _ => id,
        };
    }

    private static (int ResponseId, int Nodes) Decode(ReadOnlySpan<byte> bytes)
    {
        var (id, nodes) = (0, 0);
        var r = new ProtoReader(bytes);
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (2 << 3) | 0:
                    id = r.ReadInt32();
                    break;
                case (7 << 3) | 0:
                    nodes = r.ReadInt32();
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        return (id, nodes);
    }
}
