using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using YarnDL.Hadoop.Protos.Common;
using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>One accepted client: preamble, SASL, context, then calls dispatched concurrently.</summary>
internal sealed partial class ServerConnection : IAsyncDisposable
{
    private readonly HadoopRpcServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly EndPoint? _remote;
    private readonly CancellationTokenSource _closing = new();
    private Task _writeLoop = Task.CompletedTask;
    private int _disposed;

    public ServerConnection(HadoopRpcServer server, Socket socket)
    {
        _server = server;
        _socket = socket;
        _remote = socket.RemoteEndPoint;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new FrameReader(_stream, server.Options.MaxDataLength);
        _writer = new FrameWriter(_stream);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var token = linked.Token;
        var fatalSent = false;
        _writeLoop = Task.Run(() => _writer.RunAsync(token), CancellationToken.None);
        try
        {
            await ReadPreambleAsync(token);
            while (true)
            {
                var frame = await _reader.ReadFrameAsync(token);
                if (frame is null)
                {
                    return;
                }

                HandleFrame(frame.Value.Span, token);
            }
        }
        catch (FatalConnectionException fatal)
        {
            _server.Logger.LogInformation("IPC connection from {Remote} closed: {ClassName}: {Message}", _remote, fatal.ClassName, fatal.Message);
            fatalSent = Send(ServerResponses.Error(fatal.CallId, ByteString.Empty, RpcConstants.InvalidRetryCount, fatal: true, fatal.Code, fatal.ClassName, fatal.Message));
        }
        catch (HadoopConnectionException ex)
        {
            _server.Logger.LogInformation("IPC connection from {Remote} rejected: {Message}", _remote, ex.Message);
            fatalSent = Send(ServerResponses.Error(RpcConstants.AuthorizationFailedCallId, ByteString.Empty, RpcConstants.InvalidRetryCount, fatal: true, ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.IpcException, ex.Message));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return;
        }
        finally
        {
            _writer.Complete();
            await _writeLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (fatalSent)
            {
                await LingerAsync();
            }
        }
    }

    /// <summary>After a FATAL reply: half-close and drain what the client already sent, so it reads the reply instead of a reset.</summary>
    private async Task LingerAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var scratch = new byte[8192];
            var total = 0;
            while (total < 1 << 20)
            {
                var n = await _stream.ReadAsync(scratch, timeout.Token);
                if (n == 0)
                {
                    return;
                }

                total += n;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or stayed silent: nothing more to do.
        }
    }

    private async Task ReadPreambleAsync(CancellationToken cancellationToken)
    {
        var preamble = new byte[7];
        if (await _reader.ReadAtLeastOrEofAsync(preamble, cancellationToken) < preamble.Length)
        {
            throw new IOException("Connection closed before the preamble.");
        }

        if (!preamble.AsSpan(0, 4).SequenceEqual(RpcConstants.Magic) || preamble[4] != RpcConstants.CurrentVersion)
        {
            throw new FatalConnectionException(RpcConstants.AuthorizationFailedCallId, ErrorCode.FatalVersionMismatch, HadoopExceptionNames.VersionMismatch,
                $"Server IPC version {RpcConstants.CurrentVersion} cannot communicate with client version {preamble[4]}");
        }

        switch (preamble[6])
        {
            case RpcConstants.AuthNone when _server.Options.AllowSimple:
                _phase = Phase.Context;
                break;
            case RpcConstants.AuthNone:
                throw new FatalConnectionException(RpcConstants.AuthorizationFailedCallId, ErrorCode.FatalUnauthorized, HadoopExceptionNames.AccessControl,
                    "SIMPLE authentication is not enabled.  Available:[TOKEN]");
            case RpcConstants.AuthSasl:
                _phase = Phase.SaslNegotiate;
                break;
            default:
                throw new FatalConnectionException(RpcConstants.AuthorizationFailedCallId, ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.IpcException,
                    $"Unknown auth protocol {preamble[6]}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _closing.CancelAsync();
        _writer.Complete();
        await _writeLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Close();
        await _stream.DisposeAsync();
        _closing.Dispose();
        _securityLayer?.Dispose();
    }
}
