using Google.Protobuf;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Protos.Common;
using SaslState = YarnDL.Hadoop.Protos.Common.RpcSaslProto.Types.SaslState;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Frames that carry a SASL-wrapped RPC frame once auth-int or auth-conf is negotiated: the whole frame, length
/// included, is wrapped and sent as the token of an <c>RpcSaslProto</c> WRAP message under the SASL call id, as Hadoop's
/// <c>SaslRpcClient.WrappedOutputStream</c> and <c>Server.wrapWithSasl</c> do.</summary>
internal static class SaslWrapFrames
{
    /// <summary>Client to server: a request header with the SASL call id, no client id.</summary>
    public static byte[] Request(byte[] token) =>
        RpcFrame.Build(ClientConnection.NewHeader(RpcConstants.SaslCallId, [], RpcConstants.InvalidRetryCount), Message(token));

    /// <summary>Server to client: a SUCCESS response header with the SASL call id.</summary>
    public static byte[] Response(byte[] token) => ServerResponses.Sasl(Message(token));

    /// <summary>The token of a response frame, which must be a SASL WRAP message (Hadoop's client refuses anything else).</summary>
    public static ReadOnlySpan<byte> TokenOfResponse(ReadOnlySpan<byte> frame)
    {
        var body = new FrameBody(frame);
        var header = body.Next(RpcResponseHeaderProto.Parser);
        if (unchecked((int)header.CallId) != RpcConstants.SaslCallId)
        {
            throw new HadoopConnectionException($"Server sent non-wrapped response (callId {unchecked((int)header.CallId)}, status {header.Status}) on a connection with a SASL security layer.");
        }

        var sasl = body.Next(RpcSaslProto.Parser);
        if (sasl.State != SaslState.Wrap || !body.AtEnd)
        {
            throw new HadoopConnectionException($"Server sent non-wrapped response (SASL {sasl.State}) on a connection with a SASL security layer.");
        }

        return sasl.Token.Span;
    }

    private static RpcSaslProto Message(byte[] token) => new() { State = SaslState.Wrap, Token = UnsafeByteOperations.UnsafeWrap(token) };
}
