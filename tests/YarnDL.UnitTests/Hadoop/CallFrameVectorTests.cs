using Google.Protobuf;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>The bytes of a call and of its answer as they go on the wire through the per-call path (pooled frames, reused
/// headers), against vectors written by hand from Hadoop's IPC wire format: a BE32 length, then the varint-delimited
/// RpcRequestHeaderProto (rpcKind=RPC_PROTOCOL_BUFFER, rpcOp=RPC_FINAL_PACKET, zigzag callId, clientId, retryCount=0),
/// RequestHeaderProto and request.</summary>
public sealed class CallFrameVectorTests
{
    private const string AmProtocol = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Consecutive_allocate_calls_go_on_the_wire_as_the_vector_says()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var peer = new RawRpcPeer();
        await using var client = new HadoopRpcClient(peer.EndPoint, AmProtocol, HadoopAuth.Simple("alice"));
        var first = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 7 }, AllocateResponseProto.Parser);
        await peer.AcceptAsync(cts.Token);
        var context = await peer.ReadRawFrameAsync(cts.Token);
        var call0 = await peer.ReadRawFrameAsync(cts.Token);
        await peer.RespondAsync(0, new AllocateResponseProto { ResponseId = 1 }, cts.Token);
        await first.WaitAsync(cts.Token);
        var second = client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 300, Progress = 0.5f }, AllocateResponseProto.Parser);
        var call1 = await peer.ReadRawFrameAsync(cts.Token);
        await peer.RespondAsync(1, new AllocateResponseProto { ResponseId = 2 }, cts.Token);
        await second.WaitAsync(cts.Token);

        var clientId = context.AsSpan(4 + 1 + 8, 16).ToArray(); // after the delimiter and rpcKind, rpcOp, callId -3 and the clientId tag
        Assert.Equal(Vector("00", clientId, "02" + "2007"), call0); // callId 0; allocate { response_id (field 4): 7 }
        Assert.Equal(Vector("02", clientId, "08" + "20ac02" + "2d0000003f"), call1); // callId 1; response_id 300, progress (field 5) 0.5f
    }

    [Fact]
    public void A_success_reply_goes_on_the_wire_as_the_vector_says()
    {
        var clientId = Convert.FromHexString("00112233445566778899aabbccddeeff");
        var frame = ServerResponses.RentSuccess(300, ByteString.CopyFrom(clientId), 0, new AllocateResponseProto { ResponseId = 8 });
        try
        {
            // RpcResponseHeaderProto: callId 300 (uint32 varint ac 02), status SUCCESS, serverIpcVersionNum 9, clientId, retryCount 0;
            // then AllocateResponseProto { response_id (field 2): 8 }.
            var expected = Convert.FromHexString("0000001f" + "1b" + "08ac02" + "1000" + "1809" + "3a10" + "00112233445566778899aabbccddeeff" + "4000" + "02" + "1008");
            Assert.Equal(expected, frame.Span.ToArray());
        }
        finally
        {
            frame.Return();
        }
    }

    /// <summary>An allocate call frame: the zigzag callId byte, the clientId and the delimited request (hex).</summary>
    private static byte[] Vector(string zigzagCallId, byte[] clientId, string delimitedRequest)
    {
        var ascii = System.Text.Encoding.ASCII;
        var header = Convert.FromHexString("0802" + "1000" + "18" + zigzagCallId + "2210").Concat(clientId).Concat(Convert.FromHexString("2800")).ToArray();
        var requestHeader = Convert.FromHexString("0a08").Concat(ascii.GetBytes("allocate")).Concat(Convert.FromHexString("1236"))
            .Concat(ascii.GetBytes(AmProtocol)).Concat(Convert.FromHexString("1801")).ToArray();
        var body = new[] { (byte)header.Length }.Concat(header).Concat([(byte)requestHeader.Length]).Concat(requestHeader)
            .Concat(Convert.FromHexString(delimitedRequest)).ToArray();
        return [.. new byte[] { 0, 0, 0, (byte)body.Length }, .. body];
    }
}
