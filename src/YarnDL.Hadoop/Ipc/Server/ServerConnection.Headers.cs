using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>The headers of a call, read without building a message per call: the common RPC header straight from its
/// bytes, the clientId and the request header (method and protocol) reused while a connection sends the same bytes.</summary>
internal sealed partial class ServerConnection
{
    /// <summary>Handles an ordinary call whose header <see cref="CallRequestHeader"/> reads; false (nothing consumed that
    /// matters: the caller starts over from the frame) when it declines the header.</summary>
    private bool TryHandleCall(ref FrameBody body, CancellationToken cancellationToken)
    {
        ReadOnlySpan<byte> headerBytes;
        try
        {
            headerBytes = body.NextDelimited();
        }
        catch (HadoopConnectionException)
        {
            return false; // malformed: the full parser reports it as Hadoop does
        }

        if (!CallRequestHeader.TryRead(headerBytes, out var callId, out var clientId, out var retryCount))
        {
            return false;
        }

        HandleCall(callId, ClientIdOf(clientId), retryCount, ref body, cancellationToken);
        return true;
    }

    /// <summary>The clientId as the reply echoes it: a client sends the same one in every call, so the last one is reused
    /// while the bytes match.</summary>
    private ByteString ClientIdOf(ReadOnlySpan<byte> clientId)
    {
        if (!clientId.SequenceEqual(_lastClientId.Span))
        {
            _lastClientId = ByteString.CopyFrom(clientId);
        }

        return _lastClientId;
    }

    private ByteString _lastClientId = ByteString.Empty;

    /// <summary>The call's request header; a connection's calls of one method send the same bytes, so the last one parsed
    /// is reused when they match (handlers never see it, and the server only reads it).</summary>
    private RequestHeaderProto RequestHeaderOf(ref FrameBody body, int callId)
    {
        var probe = body;
        byte[]? bytes = null;
        try
        {
            var span = probe.NextDelimited();
            if (_lastRequestHeader is { } last && span.SequenceEqual(last.Bytes))
            {
                body = probe;
                return last.Header;
            }

            bytes = span.ToArray();
        }
        catch (HadoopConnectionException)
        {
            // Malformed: the parse below reports it as Hadoop does.
        }

        var header = ParseOrFatal(ref body, RequestHeaderProto.Parser, callId, last: false);
        if (bytes is not null)
        {
            _lastRequestHeader = (bytes, header);
        }

        return header;
    }

    private (byte[] Bytes, RequestHeaderProto Header)? _lastRequestHeader;
}
