using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>The server answers calls whose headers take the fast path and calls whose headers need the full parser alike:
/// each reply echoes its call's callId, clientId and retryCount, whatever the clientId of the call before.</summary>
public sealed class ServerCallHeaderTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Replies_echo_each_calls_header_on_the_fast_and_the_full_path()
    {
        await using var server = new LoopbackServer();
        var first = ByteString.CopyFrom(Convert.FromHexString("00112233445566778899aabbccddeeff"));
        var second = ByteString.CopyFrom(Convert.FromHexString("ffeeddccbbaa99887766554433221100"));
        var traced = Header(1, first, 2);
        traced.TraceInfo = new RPCTraceInfoProto { TraceId = 5, ParentId = 6 };
        traced.CallerContext = new RPCCallerContextProto { Context = "test" };
        var noRetry = Header(2, second, 0);
        noRetry.ClearRetryCount();
        var headers = new[] { Header(0, first, 0), traced, noRetry, Header(3, first, 7) };
        var context = RpcFrame.Build(ClientConnection.NewHeader(-3, first, -1),
            new IpcConnectionContextProto { Protocol = LoopbackServer.Protocol, UserInfo = new UserInformationProto { EffectiveUser = "alice" } });
        var stream = new List<byte>([.. RpcConstants.Preamble(RpcConstants.AuthNone), .. context]);
        var requestHeader = new RequestHeaderProto { MethodName = "allocate", DeclaringClassProtocolName = LoopbackServer.Protocol, ClientProtocolVersion = 1 };
        for (var i = 0; i < headers.Length; i++)
        {
            stream.AddRange(RpcFrame.Build(headers[i], requestHeader, new AllocateRequestProto { ResponseId = 10 * i }));
        }

        var replies = await ExchangeAsync(server.EndPoint, [.. stream]);

        Assert.Equal(headers.Length, replies.Count);
        foreach (var (reply, response) in replies)
        {
            var call = headers[reply.CallId];
            Assert.Equal(RpcResponseHeaderProto.Types.RpcStatusProto.Success, reply.Status);
            Assert.Equal((call.ClientId, call.RetryCount), (reply.ClientId, reply.RetryCount));
            Assert.Equal(10 * (int)reply.CallId + 1, response.ResponseId);
        }
    }

    private static RpcRequestHeaderProto Header(int callId, ByteString clientId, int retryCount) => new()
    {
        RpcKind = RpcKindProto.RpcProtocolBuffer,
        RpcOp = RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket,
        CallId = callId,
        ClientId = clientId,
        RetryCount = retryCount,
    };

    /// <summary>Sends <paramref name="data"/>, half-closes, and parses every reply frame until the server closes.</summary>
    private static async Task<List<(RpcResponseHeaderProto Header, AllocateResponseProto Response)>> ExchangeAsync(IPEndPoint endPoint, byte[] data)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(endPoint, timeout.Token);
        await socket.SendAsync(data, timeout.Token);
        socket.Shutdown(SocketShutdown.Send);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, n);
        }

        var replies = new List<(RpcResponseHeaderProto, AllocateResponseProto)>();
        var bytes = received.ToArray();
        for (var at = 0; at < bytes.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var frame = new FrameBody(bytes.AsSpan(at + 4, length));
            replies.Add((frame.Next(RpcResponseHeaderProto.Parser), frame.Next(AllocateResponseProto.Parser)));
            at += 4 + length;
        }

        return replies;
    }
}
