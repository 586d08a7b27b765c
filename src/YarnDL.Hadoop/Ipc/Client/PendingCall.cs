using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Typed pending call that parses its own response. It is itself the completion source of the caller's task,
/// and its timeout is the connection's one timer (see <c>ClientConnection</c>'s timeout sweep), so a call costs this
/// object and its task, nothing more (a cancellation registration only when the caller's token can be cancelled).</summary>
internal sealed class PendingCall<T> : TaskCompletionSource<T>, IPendingCall
    where T : IMessage<T>
{
    private readonly ClientConnection _connection;
    private readonly MessageParser<T> _parser;
    private CancellationTokenRegistration _cancellation;

    public PendingCall(ClientConnection connection, int callId, string method, MessageParser<T> parser, long startedAt)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _connection = connection;
        _parser = parser;
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
            var response = _parser.ParseFrom(body);
            if (RequiredFields.AreSet(response))
            {
                TrySetResult(response);
            }
            else
            {
                TrySetException(new HadoopConnectionException($"Response {typeof(T).Name} lacks required fields."));
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            TrySetException(new HadoopConnectionException($"Malformed {typeof(T).Name} response: {ex.Message}", ex));
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
