using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace YarnDL.Bench.Ipc;

/// <summary>Client side of <see cref="BatchedEcho"/>: many callers share one socket, as the Hadoop client's do. A writer
/// loop sends the frames queued meanwhile in one write; a reader loop reads whatever has arrived and completes one
/// caller per complete reply, in order. Callers resume on the thread pool, as Hadoop callers do.</summary>
internal sealed class BatchedEchoClient : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly Lock _queueLock = new();
    private readonly Channel<ReadOnlyMemory<byte>> _frames = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<TaskCompletionSource> _pending = new();
    private Task? _reader;
    private Task? _writer;

    public async Task ConnectAsync(IPEndPoint server, int responseBytes, CancellationToken ct)
    {
        await _socket.ConnectAsync(server, ct);
        _reader = Task.Run(() => ReadAsync(responseBytes), CancellationToken.None);
        _writer = Task.Run(WriteAsync, CancellationToken.None);
    }

    public Task CallAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_queueLock)
        {
            // One lock for both queues, so replies (which come back in write order) meet their callers.
            _pending.Enqueue(done);
            if (!_frames.Writer.TryWrite(frame))
            {
                _pending.Dequeue();
                throw new ObjectDisposedException(nameof(BatchedEchoClient));
            }
        }

        return done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new byte[1 << 16];
        try
        {
            while (await _frames.Reader.WaitToReadAsync())
            {
                var used = 0;
                while (used < batch.Length / 2 && _frames.Reader.TryRead(out var frame))
                {
                    if (batch.Length - used < frame.Length)
                    {
                        Array.Resize(ref batch, used + frame.Length);
                    }

                    frame.Span.CopyTo(batch.AsSpan(used));
                    used += frame.Length;
                }

                for (var sent = 0; sent < used;)
                {
                    sent += await _socket.SendAsync(batch.AsMemory(sent, used - sent), SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // closed under us: DisposeAsync is running
        }
    }

    private async Task ReadAsync(int responseBytes)
    {
        var input = new byte[1 << 16];
        var have = 0;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(input.AsMemory(have), SocketFlags.None);
                if (n == 0)
                {
                    failure = new EndOfStreamException("echo server closed the connection");
                    break;
                }

                have += n;
                var (used, frames) = BatchedEcho.CompleteFrames(input.AsSpan(0, have));
                if (frames > 0 && used != frames * (4 + responseBytes))
                {
                    throw new InvalidDataException($"echo frames of {used / frames} bytes, expected {4 + responseBytes}");
                }

                input.AsSpan(used, have - used).CopyTo(input);
                have -= used;
                for (var i = 0; i < frames; i++)
                {
                    TaskCompletionSource waiter;
                    lock (_queueLock)
                    {
                        waiter = _pending.Dequeue();
                    }

                    waiter.SetResult();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            failure = e;
        }

        lock (_queueLock)
        {
            while (_pending.TryDequeue(out var waiter))
            {
                waiter.TrySetException(failure!);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        _socket.Shutdown(SocketShutdown.Both);
        _socket.Dispose();
        await Task.WhenAll(_reader ?? Task.CompletedTask, _writer ?? Task.CompletedTask);
    }
}
