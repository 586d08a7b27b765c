using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Google.Protobuf;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop;

/// <summary>
/// Hadoop IPC v9 client for one (address, protocol, identity): one TCP connection, many concurrent calls
/// matched by callId. Reconnects (redoing SASL) on the next call after the connection broke, with the
/// credentials the auth source gives at that moment (a rolled token is used from the next connection on).
/// </summary>
public sealed class HadoopRpcClient : IAsyncDisposable
{
    private readonly EndPoint _endPoint;
    private readonly Func<HadoopAuth> _auth;
    private readonly HadoopRpcClientOptions _options;
    private readonly byte[] _clientId = RandomNumberGenerator.GetBytes(16);
    private readonly SemaphoreSlim _connectLock = new(1, 1);

    /// <summary>One request header per method, built once: it never changes, and the connection only reads it.</summary>
    private readonly ConcurrentDictionary<string, RequestHeaderProto> _headers = new(StringComparer.Ordinal);
    private ClientConnection? _connection;
    private bool _disposed;

    public HadoopRpcClient(EndPoint endPoint, string protocol, HadoopAuth auth, HadoopRpcClientOptions? options = null)
        : this(endPoint, protocol, Fixed(auth), options)
    {
    }

    /// <summary>A client whose every (re)connect authenticates with what <paramref name="authSource"/> returns then.</summary>
    public HadoopRpcClient(EndPoint endPoint, string protocol, Func<HadoopAuth> authSource, HadoopRpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentNullException.ThrowIfNull(authSource);
        _endPoint = endPoint;
        Protocol = protocol;
        _auth = authSource;
        _options = options ?? new HadoopRpcClientOptions();
        _options.Validate();
    }

    public HadoopRpcClient(string host, int port, string protocol, HadoopAuth auth, HadoopRpcClientOptions? options = null)
        : this(IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port), protocol, auth, options)
    {
    }

    /// <summary>The protocol name sent in the context and every request header.</summary>
    public string Protocol { get; }

    /// <summary>Opens the connection now (otherwise the first call does).</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default) => await GetConnectionAsync(cancellationToken);

    /// <summary>Calls <paramref name="method"/>; server errors throw <see cref="HadoopRemoteException"/>, transport errors <see cref="HadoopConnectionException"/>.</summary>
    public Task<TResponse> CallAsync<TResponse>(string method, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken = default)
        where TResponse : IMessage<TResponse>
    {
        if (parser is null)
        {
            return Task.FromException<TResponse>(new ArgumentNullException(nameof(parser)));
        }

        return CallAsync(method, request, ParserDecoders<TResponse>.For(parser), cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/> and decodes the response with <paramref name="decoder"/>, straight from
    /// the read buffer into the caller's own type (no Google.Protobuf message in between); a decoder's
    /// <see cref="ProtoWireException"/> fails the call with <see cref="HadoopConnectionException"/>, as a malformed response does.</summary>
    public Task<TResponse> CallAsync<TResponse>(string method, IMessage request, ProtoDecoder<TResponse> decoder, CancellationToken cancellationToken = default)
    {
        try
        {
            ArgumentException.ThrowIfNullOrEmpty(method);
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(decoder);
            if (!RequiredFields.AreSet(request))
            {
                throw new ArgumentException($"{request.Descriptor.Name} lacks required fields.", nameof(request));
            }
        }
        catch (ArgumentException e)
        {
            return Task.FromException<TResponse>(e); // as the async method this was: a faulted task, not a throw
        }

        var header = _headers.GetOrAdd(method, static (m, self) => self.NewRequestHeader(m), this);
        var current = Volatile.Read(ref _connection);
        return !_disposed && current is { IsOpen: true }
            ? current.CallAsync(header, request, decoder, cancellationToken) // connected: no state machine, no extra task
            : ConnectAndCallAsync(header, request, decoder, cancellationToken);
    }

    private RequestHeaderProto NewRequestHeader(string method) =>
        new() { MethodName = method, DeclaringClassProtocolName = Protocol, ClientProtocolVersion = _options.ProtocolVersion };

    private async Task<TResponse> ConnectAndCallAsync<TResponse>(RequestHeaderProto header, IMessage request, ProtoDecoder<TResponse> decoder, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(cancellationToken);
        return await connection.CallAsync(header, request, decoder, cancellationToken);
    }

    private async Task<ClientConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var current = Volatile.Read(ref _connection);
        if (current is { IsOpen: true })
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            var auth = _auth() ?? throw new InvalidOperationException("The auth source of the Hadoop RPC client returned null.");
            _connection = await ClientConnection.OpenAsync(_endPoint, Protocol, auth, _options, _clientId, cancellationToken);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static Func<HadoopAuth> Fixed(HadoopAuth auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return () => auth;
    }

    /// <summary>Closes the connection; outstanding calls fail with <see cref="HadoopConnectionException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connectLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _connectLock.Release();
        }

        _connectLock.Dispose();
    }
}
