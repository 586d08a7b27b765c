using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace YarnDL.Bench.Ipc;

/// <summary>Client side of <see cref="RawEcho"/>: many callers share one socket; replies complete callers in order.</summary>
internal sealed class RawEchoClient : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<TaskCompletionSource> _pending = Channel.CreateUnbounded<TaskCompletionSource>();
    private NetworkStream? _stream;
    private Task? _reader;

    public async Task ConnectAsync(IPEndPoint server, int responseBytes, CancellationToken ct)
    {
        await _socket.ConnectAsync(server, ct);
        _stream = new NetworkStream(_socket, ownsSocket: false);
        _reader = ReadAsync(responseBytes);
    }

    public async Task CallAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _writeLock.WaitAsync(ct);
        try
        {
            await _pending.Writer.WriteAsync(done, ct);
            await _stream!.WriteAsync(frame, ct);
        }
        finally
        {
            _writeLock.Release();
        }

        await done.Task;
    }

    private async Task ReadAsync(int responseBytes)
    {
        var buffer = new byte[4 + responseBytes];
        try
        {
            while (true)
            {
                await _stream!.ReadExactlyAsync(buffer);
                var length = BinaryPrimitives.ReadInt32BigEndian(buffer);
                if (length != responseBytes)
                {
                    throw new InvalidDataException($"echo frame of {length} bytes, expected {responseBytes}");
                }

                (await _pending.Reader.ReadAsync()).SetResult();
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            while (_pending.Reader.TryRead(out var waiter))
            {
                waiter.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Shutdown(SocketShutdown.Both);
        _socket.Dispose();
        if (_reader is not null)
        {
            await _reader;
        }

        _writeLock.Dispose();
    }
}
