using Google.Protobuf;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Typed pending call that decodes its own response. It is itself the completion source of the caller's task,
/// and its timeout is the connection's one timer (see <c>ClientConnection</c>'s timeout sweep), so a call costs this
/// object and its task, nothing more (a cancellation registration only when the caller's token can be cancelled).</summary>
internal sealed class PendingCall<T> : TaskCompletionSource<T>, IPendingCall
{
    private readonly ClientConnection _connection;
    private readonly ProtoDecoder<T> _decoder;
    private CancellationTokenRegistration _cancellation;

    public PendingCall(ClientConnection connection, int callId, string method, ProtoDecoder<T> decoder, long startedAt)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _connection = connection;
        _decoder = decoder;
        CallId = callId;
        Method = method;
        StartedAt = startedAt;
    }

    public int CallId { get; }

    public string Method { get; }

    public long StartedAt { get; }

    /// <summary>Arms the caller's cancellation; call once the call is in the table, before it is sent.</summary>
    public void WatchCancellation(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return;
        }

        _cancellation = cancellationToken.UnsafeRegister(static (s, ct) => ((PendingCall<T>)s!).OnCancel(ct), this);
        if (Task.IsCompleted)
        {
            _cancellation.Unregister(); // completed meanwhile: nothing to cancel
        }
    }

    public void Complete(ReadOnlySpan<byte> body)
    {
        try
        {
            TrySetResult(_decoder(body));
        }
        catch (Exception ex) when (ex is ProtoWireException or InvalidProtocolBufferException)
        {
            TrySetException(new HadoopConnectionException($"Malformed {typeof(T).Name} response: {ex.Message}", ex));
        }
#pragma warning disable CA1031 // A decoder's own failure is the caller's, as a mapping error after the call was; the read loop goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TrySetException(ex);
        }

        _cancellation.Unregister();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        _cancellation.Unregister();
    }

    private void OnCancel(CancellationToken cancellationToken)
    {
        if (_connection.Forget(CallId))
        {
            TrySetCanceled(cancellationToken);
        }
    }
}
