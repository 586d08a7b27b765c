using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Reader loop: matches responses to calls by callId, in any order.</summary>
internal sealed partial class ClientConnection
{
    private async Task RunReaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var frame = await ReadFrameAsync(cancellationToken);
                if (frame is null)
                {
                    Close(new HadoopConnectionException("Server closed the connection."));
                    return;
                }

                Interlocked.Exchange(ref _lastReadTicks, _options.TimeProvider.GetTimestamp());
                if (!Dispatch(frame.Value.Span))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is HadoopConnectionException or InvalidProtocolBufferException)
        {
            Close(ex as HadoopConnectionException ?? new HadoopConnectionException("Malformed response frame: " + ex.Message, ex));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            Close(new HadoopConnectionException("Read from the server failed: " + ex.Message, ex));
        }
    }

    /// <summary>Handles one response frame; false when the connection was closed.</summary>
    private bool Dispatch(ReadOnlySpan<byte> frame)
    {
        var body = new FrameBody(frame);
        var headerBytes = body.NextDelimited();
        if (SuccessHeader.TryRead(headerBytes, out var successId))
        {
            return CallOf(successId) is not { } done || Succeed(done, successId, ref body);
        }

        var header = RpcResponseHeaderProto.Parser.ParseFrom(headerBytes);
        if (!RequiredFields.AreSet(header))
        {
            throw new HadoopConnectionException("Response header lacks callId or status.");
        }

        var callId = unchecked((int)header.CallId);
        var status = header.Status;
        if (status == RpcResponseHeaderProto.Types.RpcStatusProto.Fatal)
        {
            Close(ToRemote(header, isFatal: true));
            return false;
        }

        if (CallOf(callId) is not { } call)
        {
            return true;
        }

        if (status == RpcResponseHeaderProto.Types.RpcStatusProto.Success)
        {
            return Succeed(call, callId, ref body);
        }

        call.Fail(ToRemote(header, isFatal: false));
        return true;
    }

    /// <summary>The call a (non-fatal) response answers; null when it timed out or was cancelled meanwhile (its answer is dropped).</summary>
    private IPendingCall? CallOf(int callId)
    {
        if (callId < 0)
        {
            throw new HadoopConnectionException($"Unexpected out-of-band response with callId {callId}.");
        }

        if (TryTake(callId, out var call))
        {
            return call;
        }

        // Ids never handed out are a protocol violation.
        if (callId > Volatile.Read(ref _nextCallId))
        {
            throw new HadoopConnectionException($"Response for unknown callId {callId}.");
        }

        return null;
    }

    /// <summary>Completes a call from the rest of a SUCCESS frame, parsed in place from the read buffer.</summary>
    private static bool Succeed(IPendingCall call, int callId, ref FrameBody body)
    {
        var payload = body.AtEnd ? ReadOnlySpan<byte>.Empty : body.NextDelimited();
        if (!body.AtEnd)
        {
            call.Fail(new HadoopConnectionException($"Response frame for call {callId} has {body.Remaining} trailing bytes."));
            throw new HadoopConnectionException($"Response frame for call {callId} has trailing bytes.");
        }

        call.Complete(payload);
        return true;
    }

    private static HadoopRemoteException ToRemote(RpcResponseHeaderProto header, bool isFatal) => new(
        header.HasExceptionClassName ? header.ExceptionClassName : HadoopExceptionNames.IpcException,
        header.HasErrorMsg ? header.ErrorMsg : string.Empty,
        header.HasErrorDetail ? header.ErrorDetail : null,
        isFatal);
}
