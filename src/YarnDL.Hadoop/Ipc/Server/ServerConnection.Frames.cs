using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Wire;
using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>Per-frame rules: header checks, context-before-call, dispatch.</summary>
internal sealed partial class ServerConnection
{
    private enum Phase
    {
        SaslNegotiate,
        SaslInitiate,
        Context,
        Calls,
    }

    private Phase _phase;
    private string? _user;
    private byte[]? _tokenIdentifier;
    private string? _protocol;

    /// <summary>Handles one frame; <paramref name="unwrapped"/> when it came out of a SASL WRAP message.</summary>
    private void HandleFrame(ReadOnlySpan<byte> frame, CancellationToken cancellationToken, bool unwrapped = false)
    {
        var body = new FrameBody(frame);
        if (_phase == Phase.Calls && (unwrapped || _securityLayer is null) && TryHandleCall(ref body, cancellationToken))
        {
            return;
        }

        body = new FrameBody(frame);
        RpcRequestHeaderProto header;
        try
        {
            header = body.Next(RpcRequestHeaderProto.Parser);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw InvalidHeader(RpcConstants.AuthorizationFailedCallId, "Malformed RPC request header: " + ex.Message);
        }

        if (!RequiredFields.AreSet(header) || !header.HasRpcKind || !header.HasRpcOp)
        {
            throw InvalidHeader(header.CallId, "RPC request header lacks callId, clientId, rpcKind or rpcOp.");
        }

        if (header.RpcKind != RpcKindProto.RpcProtocolBuffer || header.RpcOp != RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket)
        {
            throw InvalidHeader(header.CallId, $"Unsupported rpcKind {header.RpcKind} or rpcOp {header.RpcOp}.");
        }

        if (_securityLayer is not null && !unwrapped)
        {
            HandleWrapped(header, ref body, cancellationToken);
            return;
        }

        switch (header.CallId)
        {
            case RpcConstants.SaslCallId:
                HandleSasl(ParseOrFatal(ref body, RpcSaslProto.Parser, header.CallId));
                break;
            case RpcConstants.ConnectionContextCallId:
                HandleContext(ParseOrFatal(ref body, IpcConnectionContextProto.Parser, header.CallId));
                break;
            case RpcConstants.PingCallId:
                break;
            case >= 0:
                HandleCall(header.CallId, header.ClientId, header.RetryCount, ref body, cancellationToken);
                break;
            default:
                throw InvalidHeader(header.CallId, $"Unknown out of band call #{header.CallId}");
        }
    }

    private void HandleContext(IpcConnectionContextProto context)
    {
        if (_phase != Phase.Context)
        {
            throw InvalidHeader(RpcConstants.ConnectionContextCallId, _phase == Phase.Calls ? "Connection context already processed" : "Connection header sent during SASL negotiation");
        }

        var claimed = context.UserInfo?.HasEffectiveUser == true ? context.UserInfo.EffectiveUser : null;
        if (_tokenIdentifier is null)
        {
            _user = claimed ?? throw Unauthorized("SIMPLE connection context lacks the effective user.");
        }
        else if (claimed is not null && claimed != _user)
        {
            throw Unauthorized($"Authenticated user ({_user}) doesn't match what the client claims to be ({claimed})");
        }

        _protocol = context.HasProtocol ? context.Protocol : null;
        _phase = Phase.Calls;
    }

    private void HandleCall(int callId, ByteString clientId, int retryCount, ref FrameBody body, CancellationToken cancellationToken)
    {
        if (_phase != Phase.Calls)
        {
            throw InvalidHeader(callId, "Connection context not established");
        }

        var requestHeader = RequestHeaderOf(ref body, callId);
        var protocol = requestHeader.DeclaringClassProtocolName;
        var method = requestHeader.MethodName;
        if (!_server.IsKnownProtocol(protocol))
        {
            Reply(ServerResponses.Error(callId, clientId, retryCount, false, ErrorCode.ErrorNoSuchProtocol, HadoopExceptionNames.NoSuchProtocol, $"Unknown protocol: {protocol}"));
            return;
        }

        if (requestHeader.ClientProtocolVersion != _server.Options.ProtocolVersion)
        {
            Reply(ServerResponses.Error(callId, clientId, retryCount, false, ErrorCode.ErrorRpcVersionMismatch, HadoopExceptionNames.VersionMismatch,
                $"Server protocol {protocol} version {_server.Options.ProtocolVersion} does not match client version {requestHeader.ClientProtocolVersion}"));
            return;
        }

        var handler = _server.FindHandler(protocol, method);
        if (handler is null)
        {
            Reply(ServerResponses.Error(callId, clientId, retryCount, false, ErrorCode.ErrorNoSuchMethod, HadoopExceptionNames.NoSuchMethod, $"Unknown method {method} called on {protocol} protocol."));
            return;
        }

        object request;
        try
        {
            var payload = body.NextDelimited();
            if (!body.AtEnd)
            {
                throw new HadoopConnectionException("Request has trailing bytes.");
            }

            request = handler.Decode(payload);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or HadoopConnectionException or ProtoWireException)
        {
            throw new FatalConnectionException(callId, ErrorCode.FatalDeserializingRequest, HadoopExceptionNames.IpcException, $"Cannot parse the {method} request: {ex.Message}");
        }
#pragma warning disable CA1031 // A decoder bug must become an error response, as a handler's does, not kill the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReplyFailure(ex, callId, clientId, retryCount, cancellationToken);
            return;
        }

        var context = new HadoopCallContext(_user!, _tokenIdentifier, protocol, method, callId, _remote);
        Invoke(handler, context, request, clientId, retryCount, cancellationToken);
    }

    /// <summary>Runs the handler and answers; a handler that finished at once is answered here, without a task.</summary>
    private void Invoke(RpcHandler handler, HadoopCallContext context, object request, ByteString clientId, int retryCount, CancellationToken cancellationToken)
    {
        PooledFrame frame;
        try
        {
            var pending = handler.InvokeAsync(context, request, cancellationToken);
            if (!pending.IsCompleted)
            {
                _ = ReplyWhenDoneAsync(pending, context.CallId, clientId, retryCount, cancellationToken);
                return;
            }

            frame = ServerResponses.RentSuccess(context.CallId, clientId, retryCount, pending.Result);
        }
#pragma warning disable CA1031 // A handler bug must become an error response, not kill the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReplyFailure(ex, context.CallId, clientId, retryCount, cancellationToken);
            return;
        }

        Reply(frame);
    }

    private async Task ReplyWhenDoneAsync(ValueTask<IMessage> pending, int callId, ByteString clientId, int retryCount, CancellationToken cancellationToken)
    {
        PooledFrame frame;
        try
        {
            frame = ServerResponses.RentSuccess(callId, clientId, retryCount, await pending);
        }
#pragma warning disable CA1031 // A handler bug must become an error response, not kill the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReplyFailure(ex, callId, clientId, retryCount, cancellationToken);
            return;
        }

        Reply(frame);
    }

    /// <summary>A handler's exception as Hadoop reports it; nothing when the connection is closing.</summary>
    private void ReplyFailure(Exception ex, int callId, ByteString clientId, int retryCount, CancellationToken cancellationToken)
    {
        switch (ex)
        {
            case HadoopServerException server:
                Reply(ServerResponses.Error(callId, clientId, retryCount, false, ErrorCode.ErrorApplication, server.ClassName, server.Message));
                break;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                break;
            default:
                Reply(ServerResponses.Error(callId, clientId, retryCount, false, ErrorCode.ErrorApplication, HadoopExceptionNames.IOException, ex.GetType().Name + ": " + ex.Message));
                break;
        }
    }


    private static T ParseOrFatal<T>(ref FrameBody body, MessageParser<T> parser, int callId, bool last = true)
        where T : IMessage<T>
    {
        try
        {
            var message = body.Next(parser);
            if ((last && !body.AtEnd) || !RequiredFields.AreSet(message))
            {
                throw new HadoopConnectionException("trailing bytes or missing required fields");
            }

            return message;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or HadoopConnectionException)
        {
            throw new FatalConnectionException(callId, ErrorCode.FatalDeserializingRequest, HadoopExceptionNames.IpcException, $"Cannot parse {typeof(T).Name}: {ex.Message}");
        }
    }

    private static FatalConnectionException InvalidHeader(int callId, string message) =>
        new(callId, ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.IpcException, message);

    private static FatalConnectionException Unauthorized(string message) =>
        new(RpcConstants.AuthorizationFailedCallId, ErrorCode.FatalUnauthorized, HadoopExceptionNames.AccessControl, message);
}
