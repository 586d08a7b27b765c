using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Single writer of a socket, one socket write per wake-up: a frame alone is written from its own buffer; frames
/// queued together are coalesced into a batch buffer rented for that write (a frame larger than the batch goes alone).
/// Rented frames are given back once written or copied, so an idle connection holds no buffer.</summary>
internal sealed class FrameWriter
{
    private const int CoalesceLimit = 64 * 1024;
    private readonly Stream _stream;
    private readonly Channel<PooledFrame> _queue = Channel.CreateUnbounded<PooledFrame>(new UnboundedChannelOptions { SingleReader = true });

    public FrameWriter(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Queues a frame; false when the writer has stopped (a rented frame is then given back).</summary>
    public bool TryEnqueue(PooledFrame frame)
    {
        if (_queue.Writer.TryWrite(frame))
        {
            return true;
        }

        frame.Return();
        return false;
    }

    /// <summary>Queues a plain frame; false when the writer has stopped.</summary>
    public bool TryEnqueue(byte[] frame) => TryEnqueue(PooledFrame.Of(frame));

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Runs until <see cref="Complete"/> or a write failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                if (!reader.TryRead(out var first))
                {
                    continue;
                }

                if (!reader.TryRead(out var next))
                {
                    await WriteAsync(first, cancellationToken);
                    continue;
                }

                await WriteBatchAsync(first, next, reader, cancellationToken);
            }
        }
        finally
        {
            while (reader.TryRead(out var left))
            {
                left.Return();
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteAsync(PooledFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(frame.Buffer.AsMemory(0, frame.Length), cancellationToken);
        }
        finally
        {
            frame.Return();
        }
    }

    /// <summary>Writes <paramref name="first"/>, <paramref name="second"/> and whatever else is queued, coalesced.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteBatchAsync(PooledFrame first, PooledFrame second, ChannelReader<PooledFrame> reader, CancellationToken cancellationToken)
    {
        var batch = ArrayPool<byte>.Shared.Rent(CoalesceLimit);
        try
        {
            var used = 0;
            var frame = first;
            var more = true;
            var pendingSecond = true;
            while (more)
            {
                if (frame.Length > CoalesceLimit - used)
                {
                    if (used > 0)
                    {
                        await _stream.WriteAsync(batch.AsMemory(0, used), cancellationToken);
                        used = 0;
                    }

                    if (frame.Length > CoalesceLimit)
                    {
                        await WriteAsync(frame, cancellationToken);
                        frame = default;
                    }
                }

                if (frame.Buffer is not null)
                {
                    frame.Span.CopyTo(batch.AsSpan(used));
                    used += frame.Length;
                    frame.Return();
                }

                if (pendingSecond)
                {
                    frame = second;
                    pendingSecond = false;
                }
                else
                {
                    more = reader.TryRead(out frame);
                }
            }

            if (used > 0)
            {
                await _stream.WriteAsync(batch.AsMemory(0, used), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }
}
