using Microsoft.Extensions.Logging;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Sasl;
using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;
using SaslState = YarnDL.Hadoop.Protos.Common.RpcSaslProto.Types.SaslState;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>The SASL security layer (auth-int or auth-conf): after the SUCCESS reply every request arrives as SASL WRAP
/// messages whose plaintext holds one or more frames (or part of one), and every reply leaves wrapped
/// (Hadoop's <c>Server.Connection.unwrapPacketAndProcessRpcs</c> and <c>wrapWithSasl</c>).</summary>
internal sealed partial class ServerConnection
{
    private readonly Lock _wrapLock = new();
    private volatile DigestSecurityLayer? _securityLayer;
    private UnwrappedFrames? _unwrapped;

    private void UseSecurityLayer(DigestSecurityLayer? layer)
    {
        if (layer is not null)
        {
            _unwrapped = new UnwrappedFrames(_server.Options.MaxDataLength);
            _securityLayer = layer;
        }
    }

    private void Reply(byte[] frame) => Send(PooledFrame.Of(frame));

    private void Reply(PooledFrame frame) => Send(frame);

    private bool Send(byte[] frame) => Send(PooledFrame.Of(frame));

    /// <summary>Queues a reply, wrapped once a security layer is in use; wrapping and queueing happen together so the
    /// sequence numbers follow the order on the wire.</summary>
    private bool Send(PooledFrame frame)
    {
        var layer = _securityLayer;
        if (layer is null)
        {
            return _writer.TryEnqueue(frame);
        }

        lock (_wrapLock)
        {
            try
            {
                return _writer.TryEnqueue(SaslWrapFrames.Response(layer.Wrap(frame.Span)));
            }
            catch (ObjectDisposedException)
            {
                return false; // the connection closed and released its cipher meanwhile
            }
            finally
            {
                frame.Return();
            }
        }
    }

    private void HandleWrapped(RpcRequestHeaderProto header, ref FrameBody body, CancellationToken cancellationToken)
    {
        var layer = _securityLayer!;
        var qop = RpcProtection.ToSaslToken(layer.Qop);
        if (header.CallId != RpcConstants.SaslCallId)
        {
            throw InvalidHeader(header.CallId, $"SASL qop {qop} is in use on this connection: frames must come as SASL WRAP messages, got an unwrapped call #{header.CallId}.");
        }

        var message = ParseOrFatal(ref body, RpcSaslProto.Parser, header.CallId);
        if (message.State != SaslState.Wrap)
        {
            throw SaslFatal(ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.SaslException, $"Unexpected SASL {message.State} after the negotiation finished.");
        }

        byte[] plain;
        try
        {
            plain = layer.Unwrap(message.Token.Span);
        }
        catch (HadoopSaslException ex)
        {
            // Hadoop's server closes the connection without a reply when unwrap fails.
            _server.Logger.LogInformation("IPC connection from {Remote}: cannot unwrap a {Qop} message: {Message}", _remote, qop, ex.Message);
            throw new IOException(ex.Message, ex);
        }

        _unwrapped!.Append(plain);
        while (_unwrapped.TryTake(out var inner))
        {
            HandleFrame(inner.Span, cancellationToken, unwrapped: true);
        }
    }
}
