using Google.Protobuf;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>The server's call-header fast path reads ordinary call headers written by hand from Hadoop's wire format
/// (rpcKind 1, rpcOp 2, zigzag callId 3, clientId 4, zigzag retryCount 5), agrees with Google.Protobuf's parser on what
/// it accepts, and declines everything else, which then goes to the full parser.</summary>
public sealed class CallRequestHeaderTests
{
    private const string ClientId = "00112233445566778899aabbccddeeff";

    [Theory]
    [InlineData("0802" + "1000" + "18ac02" + "2210" + ClientId + "2806", 150, ClientId, 3)] // as Hadoop's client writes a call
    [InlineData("0802" + "1000" + "1802" + "2200", 1, "", -1)] // no retryCount: its default, -1
    [InlineData("2202aabb" + "1804" + "0802" + "1000" + "1806" + "2801", 3, "aabb", -1)] // any order; a repeated field's last value counts
    [InlineData("0802" + "1000" + "18feffffff0f" + "2200" + "2800", int.MaxValue, "", 0)] // the largest callId, five varint bytes
    public void Ordinary_call_headers_are_read(string hex, int callId, string clientId, int retryCount)
    {
        Assert.True(CallRequestHeader.TryRead(Convert.FromHexString(hex), out var id, out var client, out var retry));
        Assert.Equal((callId, clientId, retryCount), (id, Convert.ToHexString(client).ToLowerInvariant(), retry));
    }

    [Theory]
    [InlineData("0802" + "1000" + "1805" + "2200")] // callId -3: the connection context, out of band
    [InlineData("0802" + "1000" + "1841" + "2200")] // callId -33: SASL
    [InlineData("0801" + "1000" + "1802" + "2200")] // RPC_WRITABLE
    [InlineData("0802" + "1001" + "1802" + "2200")] // RPC_CONTINUATION_PACKET
    [InlineData("1000" + "1802" + "2200")] // no rpcKind
    [InlineData("0802" + "1802" + "2200")] // no rpcOp
    [InlineData("0802" + "1000" + "2200")] // no callId
    [InlineData("0802" + "1000" + "1802")] // no clientId
    [InlineData("0802" + "1000" + "1802" + "2200" + "32020801")] // traceInfo (field 6)
    [InlineData("0802" + "1000" + "1802" + "2200" + "3a050a03637478")] // callerContext (field 7)
    [InlineData("0802" + "1000" + "1802" + "2200" + "4001")] // stateId (field 8)
    [InlineData("0802" + "1000" + "1802" + "2205aabb")] // clientId longer than what is left
    [InlineData("0802" + "1000" + "1d02000000" + "2200")] // callId with the fixed32 wire type
    [InlineData("0802" + "1000" + "1802" + "2200" + "28")] // truncated retryCount
    [InlineData("0802" + "1000" + "188080808010" + "2200")] // callId past 32 bits
    public void Anything_else_is_left_to_the_parser(string hex)
    {
        Assert.False(CallRequestHeader.TryRead(Convert.FromHexString(hex), out _, out _, out _));
    }

    [Fact]
    public void What_it_reads_is_what_google_protobuf_parses_from_the_same_bytes()
    {
        var clientIds = new[] { ByteString.Empty, ByteString.CopyFrom(Convert.FromHexString(ClientId)) };
        var retries = new int?[] { null, -1, 0, 1, 63, 64, int.MaxValue, int.MinValue };
        foreach (var callId in new[] { 0, 1, 63, 64, 8191, 8192, 1 << 20, 1 << 21, int.MaxValue })
        {
            foreach (var retry in retries)
            {
                foreach (var clientId in clientIds)
                {
                    var header = new RpcRequestHeaderProto
                    {
                        RpcKind = RpcKindProto.RpcProtocolBuffer,
                        RpcOp = RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket,
                        CallId = callId,
                        ClientId = clientId,
                    };
                    if (retry is { } r)
                    {
                        header.RetryCount = r;
                    }

                    var bytes = header.ToByteArray();
                    var parsed = RpcRequestHeaderProto.Parser.ParseFrom(bytes);
                    Assert.True(CallRequestHeader.TryRead(bytes, out var id, out var client, out var read), Convert.ToHexString(bytes));
                    Assert.Equal((parsed.CallId, Convert.ToHexString(parsed.ClientId.Span), parsed.RetryCount), (id, Convert.ToHexString(client), read));
                }
            }
        }
    }
}
