using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>A call awaiting its response; completed by the reader loop, its own timeout timer, the caller's
/// cancellation or the connection closing, whichever takes it out of the connection's call table first.</summary>
internal abstract class PendingCall
{
    private readonly ClientConnection _connection;
    private readonly int _callId;
    private readonly string _method;
    private TimeSpan _timeout;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    protected PendingCall(ClientConnection connection, int callId, string method)
    {
        _connection = connection;
        _callId = callId;
        _method = method;
    }

    protected abstract bool IsCompleted { get; }

    public abstract void Complete(ReadOnlySpan<byte> body);

    public abstract void Fail(Exception exception);

    /// <summary>Arms the timeout and the caller's cancellation; call once the call is in the table, before it is sent.
    /// One timer per call, firing once, instead of a timeout token source, a linked source and a WaitAsync task.</summary>
    public void Start(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            Volatile.Write(ref _timer, time.CreateTimer(static s => ((PendingCall)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan));
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (s, ct) => ((PendingCall)s!).OnCancel(ct), this);
        }

        if (IsCompleted)
        {
            Release(); // the connection closed meanwhile: nothing to time out
        }
    }

    protected abstract void Cancel(CancellationToken cancellationToken);

    /// <summary>Stops the timer and the cancellation callback; called when the call has completed, however.</summary>
    protected void Release()
    {
        Volatile.Read(ref _timer)?.Dispose();
        _cancellation.Unregister();
    }

    private void OnTimeout()
    {
        if (_connection.Forget(_callId))
        {
            Fail(new HadoopConnectionException($"Call {_method} (id {_callId}) timed out after {_timeout}."));
        }
    }

    private void OnCancel(CancellationToken cancellationToken)
    {
        if (_connection.Forget(_callId))
        {
            Cancel(cancellationToken);
        }
    }
}

/// <summary>Typed pending call that parses its own response.</summary>
internal sealed class PendingCall<T> : PendingCall
    where T : IMessage<T>
{
    private readonly MessageParser<T> _parser;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCall(ClientConnection connection, int callId, string method, MessageParser<T> parser)
        : base(connection, callId, method)
    {
        _parser = parser;
    }

    public Task<T> Task => _completion.Task;

    protected override bool IsCompleted => _completion.Task.IsCompleted;

    public override void Complete(ReadOnlySpan<byte> body)
    {
        try
        {
            var response = _parser.ParseFrom(body);
            if (RequiredFields.AreSet(response))
            {
                _completion.TrySetResult(response);
            }
            else
            {
                _completion.TrySetException(new HadoopConnectionException($"Response {typeof(T).Name} lacks required fields."));
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            _completion.TrySetException(new HadoopConnectionException($"Malformed {typeof(T).Name} response: {ex.Message}", ex));
        }

        Release();
    }

    public override void Fail(Exception exception)
    {
        _completion.TrySetException(exception);
        Release();
    }

    protected override void Cancel(CancellationToken cancellationToken)
    {
        _completion.TrySetCanceled(cancellationToken);
        Release();
    }
}
