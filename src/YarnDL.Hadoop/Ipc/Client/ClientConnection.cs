using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>One authenticated TCP connection: owns the socket, a single writer, a single reader and the call table.</summary>
internal sealed partial class ClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FrameWriter _writer;
    private readonly FrameReader _reader;
    private readonly HadoopRpcClientOptions _options;
    private readonly byte[] _clientId;
    private readonly ByteString _clientIdBytes;
    private readonly Dictionary<int, IPendingCall> _pending = [];
    private readonly Lock _pendingLock = new();
    private readonly CancellationTokenSource _shutdown = new();
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private ITimer? _pingTimer;
    private int _nextCallId = -1;
    private long _lastReadTicks;
    private Exception? _closedReason;

    private ClientConnection(Socket socket, HadoopRpcClientOptions options, byte[] clientId)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _writer = new FrameWriter(_stream);
        _reader = new FrameReader(_stream, options.MaxResponseLength);
        _options = options;
        _clientId = clientId;
        _clientIdBytes = ByteString.CopyFrom(clientId);
    }

    public bool IsOpen => Volatile.Read(ref _closedReason) is null;

    public static async Task<ClientConnection> OpenAsync(EndPoint endPoint, string protocol, HadoopAuth auth, HadoopRpcClientOptions options, byte[] clientId, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ClientConnection? connection = null;
        try
        {
            await socket.ConnectAsync(endPoint, linked.Token);
            connection = new ClientConnection(socket, options, clientId);
            await connection.HandshakeAsync(protocol, auth, linked.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or InvalidProtocolBufferException)
        {
            await DisposeAsync(connection, socket);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new HadoopConnectionException($"Cannot connect to {endPoint} for {protocol}: {ex.Message}", ex);
        }
        catch
        {
            await DisposeAsync(connection, socket);
            throw;
        }

        connection.Start();
        return connection;
    }

    /// <summary>Sends a call; the task completes with the response, a remote error, a timeout after
    /// <see cref="HadoopRpcClientOptions.CallTimeout"/>, the caller's cancellation, or the connection's failure.</summary>
    public Task<T> CallAsync<T>(RequestHeaderProto requestHeader, IMessage request, ProtoDecoder<T> decoder, CancellationToken cancellationToken)
    {
        var callId = Interlocked.Increment(ref _nextCallId) & 0x7FFFFFFF;
        PooledFrame frame;
        try
        {
            frame = RpcFrame.Rent(CallHeader(callId), requestHeader, request);
        }
#pragma warning disable CA1031 // Reported through the task, as when this method was async.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<T>(ex);
        }

        var call = new PendingCall<T>(this, callId, requestHeader.MethodName, decoder, _options.TimeProvider.GetTimestamp());
        lock (_pendingLock)
        {
            _pending[callId] = call;
            ArmTimeoutLocked();
        }

        call.WatchCancellation(cancellationToken);
        if (Volatile.Read(ref _closedReason) is not null || !Send(frame))
        {
            Forget(callId);
            var reason = Volatile.Read(ref _closedReason);
            var failure = (Exception?)(reason as HadoopRemoteException) ?? new HadoopConnectionException("Connection is closed.", reason);
            call.Fail(failure);
        }

        return call.Task;
    }

    /// <summary>Takes a call out of the table; false when its response, timeout, cancellation or the close came first.</summary>
    internal bool Forget(int callId) => TryTake(callId, out _);

    private bool TryTake(int callId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPendingCall? call)
    {
        lock (_pendingLock)
        {
            return _pending.Remove(callId, out call);
        }
    }

    /// <summary>The request header of a call: the same fields as <see cref="NewHeader(int, ByteString, int)"/>, set on this
    /// thread's reusable instance (it is serialized before this thread builds another), so a call allocates no header.</summary>
    private RpcRequestHeaderProto CallHeader(int callId)
    {
        var header = t_callHeader ??= new RpcRequestHeaderProto
        {
            RpcKind = RpcKindProto.RpcProtocolBuffer,
            RpcOp = RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket,
        };
        header.CallId = callId;
        header.ClientId = _clientIdBytes;
        header.RetryCount = 0;
        return header;
    }

    [ThreadStatic]
    private static RpcRequestHeaderProto? t_callHeader;

    internal static RpcRequestHeaderProto NewHeader(int callId, byte[] clientId, int retryCount) =>
        NewHeader(callId, ByteString.CopyFrom(clientId), retryCount);

    /// <summary>A request header; <paramref name="clientId"/> is immutable, so one instance serves every call.</summary>
    internal static RpcRequestHeaderProto NewHeader(int callId, ByteString clientId, int retryCount) => new()
    {
        RpcKind = RpcKindProto.RpcProtocolBuffer,
        RpcOp = RpcRequestHeaderProto.Types.OperationProto.RpcFinalPacket,
        CallId = callId,
        ClientId = clientId,
        RetryCount = retryCount,
    };

    private static async ValueTask DisposeAsync(ClientConnection? connection, Socket socket)
    {
        if (connection is null)
        {
            socket.Dispose();
        }
        else
        {
            await connection.DisposeAsync();
        }
    }

    private void Start()
    {
        _lastReadTicks = _options.TimeProvider.GetTimestamp();
        _writeLoop = Task.Run(() => RunWriterAsync(_shutdown.Token));
        _readLoop = Task.Run(() => RunReaderAsync(_shutdown.Token));
        _pingTimer = _options.TimeProvider.CreateTimer(_ => MaybePing(), null, _options.PingInterval, _options.PingInterval);
        _timeoutTimer = _options.TimeProvider.CreateTimer(_ => SweepTimeouts(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void MaybePing()
    {
        bool noCalls;
        lock (_pendingLock)
        {
            noCalls = _pending.Count == 0;
        }

        if (noCalls || !IsOpen)
        {
            return;
        }

        var idle = _options.TimeProvider.GetElapsedTime(Interlocked.Read(ref _lastReadTicks));
        if (idle >= _options.PingInterval)
        {
            Send(RpcFrame.Build(NewHeader(RpcConstants.PingCallId, _clientIdBytes, RpcConstants.InvalidRetryCount)));
        }
    }

    private async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Close(new HadoopConnectionException("Write to the server failed: " + ex.Message, ex));
        }
    }

    private void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closedReason, reason, null) is not null)
        {
            return;
        }

        _writer.Complete();
        _shutdown.Cancel();
        _socket.Close();
        IPendingCall[] calls;
        lock (_pendingLock)
        {
            calls = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var call in calls)
        {
            call.Fail(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(new HadoopConnectionException("Connection disposed."));
        if (_pingTimer is not null)
        {
            await _pingTimer.DisposeAsync();
        }

        if (_timeoutTimer is not null)
        {
            await _timeoutTimer.DisposeAsync();
        }

        await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stream.DisposeAsync();
        _shutdown.Dispose();
        _securityLayer?.Dispose();
    }
}
