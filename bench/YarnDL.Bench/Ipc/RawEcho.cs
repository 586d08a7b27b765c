using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace YarnDL.Bench.Ipc;

/// <summary>Baseline: length-prefixed frames echoed over one loopback TCP connection, FIFO-matched, no protocol work.</summary>
internal sealed class RawEcho : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private Task? _serve;

    public IPEndPoint Start(int responseBytes)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        _serve = ServeAsync(responseBytes);
        return (IPEndPoint)_listener.LocalEndPoint!;
    }

    private async Task ServeAsync(int responseBytes)
    {
        using var socket = await _listener.AcceptAsync(_stop.Token);
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var response = new byte[4 + responseBytes];
        BinaryPrimitives.WriteInt32BigEndian(response, responseBytes);
        var header = new byte[4];
        var body = new byte[1 << 16];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                await stream.ReadExactlyAsync(body.AsMemory(0, length), _stop.Token);
                await stream.WriteAsync(response, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException)
        {
            // the client went away: the run is over
        }
    }

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
