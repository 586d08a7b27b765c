using System.Net;
using System.Net.Sockets;

namespace YarnDL.Bench.Ipc;

/// <summary>A one-connection loopback server answering length-prefixed frames with a fixed response; subclasses decide how.</summary>
internal abstract class EchoServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private Task? _serve;

    protected CancellationToken Stopping => _stop.Token;

    public IPEndPoint Start(int responseBytes)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        _serve = AcceptAndServeAsync(responseBytes);
        return (IPEndPoint)_listener.LocalEndPoint!;
    }

    private async Task AcceptAndServeAsync(int responseBytes)
    {
        using var socket = await _listener.AcceptAsync(_stop.Token);
        socket.NoDelay = true;
        try
        {
            await ServeAsync(socket, responseBytes);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or EndOfStreamException)
        {
            // the client went away: the run is over
        }
    }

    /// <summary>Answers every frame on <paramref name="socket"/> until the client leaves or <see cref="Stopping"/> fires.</summary>
    protected abstract Task ServeAsync(Socket socket, int responseBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        if (_serve is not null)
        {
            try
            {
                await _serve;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
