using System.Runtime.CompilerServices;
using YarnDL.Hadoop.Sasl;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>The SASL security layer (auth-int or auth-conf): once negotiated, every frame is wrapped on the way out
/// and every response unwrapped on the way in (Hadoop's <c>SaslRpcClient</c> wrapped streams).</summary>
internal sealed partial class ClientConnection
{
    private readonly Lock _wrapLock = new();
    private DigestSecurityLayer? _securityLayer;
    private UnwrappedFrames? _unwrapped;

    /// <summary>The negotiated protection: authentication unless a security layer is in use.</summary>
    public SaslQop Protection => _securityLayer?.Qop ?? SaslQop.Authentication;

    private void UseSecurityLayer(DigestSecurityLayer? layer)
    {
        if (layer is not null)
        {
            _unwrapped = new UnwrappedFrames(_options.MaxResponseLength);
            _securityLayer = layer;
        }
    }

    /// <summary>Queues a frame, wrapped when a security layer is in use; sequence numbers follow the queue order.</summary>
    private bool Send(byte[] frame) => Send(PooledFrame.Of(frame));

    /// <inheritdoc cref="Send(byte[])"/>
    private bool Send(PooledFrame frame)
    {
        if (_securityLayer is null)
        {
            return _writer.TryEnqueue(frame);
        }

        lock (_wrapLock)
        {
            try
            {
                return _writer.TryEnqueue(SaslWrapFrames.Request(_securityLayer.Wrap(frame.Span)));
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

    /// <summary>The frame as it goes on the wire: wrapped when a security layer is in use.</summary>
    private byte[] Protect(byte[] frame)
    {
        if (_securityLayer is null)
        {
            return frame;
        }

        lock (_wrapLock)
        {
            return SaslWrapFrames.Request(_securityLayer.Wrap(frame));
        }
    }

    /// <summary>The next response frame, unwrapped when a security layer is in use; null at a clean EOF.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (_unwrapped is null)
        {
            return await _reader.ReadFrameAsync(cancellationToken);
        }

        while (true)
        {
            if (_unwrapped.TryTake(out var inner))
            {
                return inner;
            }

            var outer = await _reader.ReadFrameAsync(cancellationToken);
            if (outer is null)
            {
                return _unwrapped.IsEmpty ? null : throw new HadoopConnectionException("Server closed the connection inside a wrapped frame.");
            }

            try
            {
                _unwrapped.Append(_securityLayer!.Unwrap(SaslWrapFrames.TokenOfResponse(outer.Value.Span)));
            }
            catch (HadoopSaslException ex)
            {
                throw new HadoopConnectionException($"Cannot unwrap a response ({RpcProtection.ToSaslToken(Protection)}): {ex.Message}", ex);
            }
        }
    }
}
