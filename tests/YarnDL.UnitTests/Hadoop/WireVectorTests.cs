using Google.Protobuf;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Byte vectors written by hand from Hadoop's IPC wire format (connection preamble and frames).</summary>
public sealed class WireVectorTests
{
    private const string AmProtocol = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    private static readonly byte[] ClientId = Convert.FromHexString("00112233445566778899aabbccddeeff");

    [Fact]
    public void Preambles_are_hrpc_9_0_auth()
    {
        Assert.Equal(Convert.FromHexString("68727063090000"), RpcConstants.Preamble(RpcConstants.AuthNone));
        Assert.Equal(Convert.FromHexString("687270630900df"), RpcConstants.Preamble(RpcConstants.AuthSasl));
    }

    [Fact]
    public void Sasl_negotiate_frame_matches_spec()
    {
        var header = ClientConnection.NewHeader(-33, [], -1);
        var frame = RpcFrame.Build(header, new RpcSaslProto { State = RpcSaslProto.Types.SaslState.Negotiate });
        Assert.Equal(Convert.FromHexString("0000000e" + "0a" + "08021000184122002801" + "02" + "1001"), frame);
    }

    [Fact]
    public void Ping_frame_matches_spec()
    {
        var frame = RpcFrame.Build(ClientConnection.NewHeader(-4, ClientId, -1));
        Assert.Equal(Convert.FromHexString("0000001b" + "1a" + "0802100018072210" + "00112233445566778899aabbccddeeff" + "2801"), frame);
    }

    [Fact]
    public void Connection_context_frame_matches_spec()
    {
        var header = ClientConnection.NewHeader(-3, ClientId, -1);
        var context = new IpcConnectionContextProto { UserInfo = new UserInformationProto(), Protocol = AmProtocol };
        var expected = Convert.FromHexString("000000561a080210001805221000112233445566778899aabbccddeeff28013a1200" + "1a36")
            .Concat(System.Text.Encoding.ASCII.GetBytes(AmProtocol)).ToArray();
        Assert.Equal(expected, RpcFrame.Build(header, context));
    }

    [Fact]
    public void Register_call_frame_matches_spec()
    {
        var header = ClientConnection.NewHeader(0, ClientId, 0);
        var requestHeader = new RequestHeaderProto { MethodName = "registerApplicationMaster", DeclaringClassProtocolName = AmProtocol, ClientProtocolVersion = 1 };
        var request = new RegisterApplicationMasterRequestProto { Host = "am-host", RpcPort = 0, TrackingUrl = string.Empty };
        var ascii = System.Text.Encoding.ASCII;
        var expected = Convert.FromHexString("0000007f1a080210001800221000112233445566778899aabbccddeeff2800" + "550a19")
            .Concat(ascii.GetBytes("registerApplicationMaster")).Concat(Convert.FromHexString("1236"))
            .Concat(ascii.GetBytes(AmProtocol)).Concat(Convert.FromHexString("1801" + "0d0a07"))
            .Concat(ascii.GetBytes("am-host")).Concat(Convert.FromHexString("10001a00")).ToArray();
        Assert.Equal(expected, RpcFrame.Build(header, requestHeader, request));
    }

    [Theory]
    [InlineData(-33, "18 41")]
    [InlineData(-3, "18 05")]
    [InlineData(-4, "18 07")]
    [InlineData(0, "18 00")]
    [InlineData(5, "18 0a")]
    public void Request_callId_is_zigzag(int callId, string hex)
    {
        var bytes = new RpcRequestHeaderProto { CallId = callId, ClientId = ByteString.Empty }.ToByteArray();
        Assert.Equal(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), bytes[..2]);
    }

    [Theory]
    [InlineData(-33, "08 df ff ff ff 0f")]
    [InlineData(-1, "08 ff ff ff ff 0f")]
    public void Response_callId_is_uint32(int callId, string hex)
    {
        var bytes = new RpcResponseHeaderProto { CallId = unchecked((uint)callId) }.ToByteArray();
        Assert.Equal(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), bytes);
    }
}
