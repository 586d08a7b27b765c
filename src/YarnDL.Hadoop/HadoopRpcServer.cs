using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop;

/// <summary>
/// Server half of Hadoop IPC v9 (for the MiniCluster): SIMPLE and TOKEN/DIGEST-MD5 auth, dispatch by
/// (protocol, method) to async handlers, Hadoop-style ERROR/FATAL responses.
/// </summary>
public sealed class HadoopRpcServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Protocol, string Method), RpcHandler> _handlers = new();
    private readonly ConcurrentDictionary<string, byte> _protocols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ServerConnection, byte> _connections = new();
    private readonly CancellationTokenSource _shutdown = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    public HadoopRpcServer(HadoopRpcServerOptions? options = null, ILogger<HadoopRpcServer>? logger = null)
    {
        Options = options ?? new HadoopRpcServerOptions();
        Logger = logger ?? (ILogger)NullLogger.Instance;
    }

    internal HadoopRpcServerOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>The bound address once started.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("Server not started."));

    /// <summary>Registers the handler of <paramref name="method"/> of <paramref name="protocol"/>.</summary>
    public void Register<TRequest, TResponse>(string protocol, string method, MessageParser<TRequest> parser, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        Add(protocol, method, RpcHandler.Create(parser, handler));
    }

    /// <summary>Registers the handler of <paramref name="method"/> of <paramref name="protocol"/>, its request decoded by
    /// <paramref name="decoder"/> straight from the frame into the handler's own type (no Google.Protobuf message in between).
    /// The decoder runs on the connection's read loop; its <see cref="ProtoWireException"/> is answered as a request that
    /// cannot be parsed (FATAL_DESERIALIZING_REQUEST).</summary>
    public void Register<TRequest, TResponse>(string protocol, string method, ProtoDecoder<TRequest> decoder, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : notnull
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(decoder);
        Add(protocol, method, RpcHandler.Create(decoder, handler));
    }

    private void Add(string protocol, string method, RpcHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(method);
        _protocols.TryAdd(protocol, 0);
        if (!_handlers.TryAdd((protocol, method), handler))
        {
            throw new InvalidOperationException($"{protocol}.{method} is already registered.");
        }
    }

    /// <summary>Binds and starts accepting; returns the bound endpoint.</summary>
    public IPEndPoint Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("Server already started.");
        }

        var listener = new Socket(Options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As ipc.Server does (ipc.server.reuseaddr, true by default): a server restarted on its port binds even while
        // connections it closed are in TIME_WAIT.
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(Options.Address, Options.Port));
        listener.Listen(512);
        _listener = listener;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _shutdown.Token));
        return LocalEndPoint;
    }

    internal bool IsKnownProtocol(string protocol) => _protocols.ContainsKey(protocol);

    internal RpcHandler? FindHandler(string protocol, string method) => _handlers.GetValueOrDefault((protocol, method));

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            var connection = new ServerConnection(this, socket);
            _connections.TryAdd(connection, 0);
            _ = RunConnectionAsync(connection, cancellationToken);
        }
    }

    private async Task RunConnectionAsync(ServerConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync();
        }
    }

    /// <summary>Closes every open connection and keeps listening, as a restarted server's clients see it: their next call
    /// reconnects and authenticates again.</summary>
    public async Task CloseConnectionsAsync()
    {
        foreach (var connection in _connections.Keys)
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync();
        }
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync();
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync();
        }

        _shutdown.Dispose();
    }
}
