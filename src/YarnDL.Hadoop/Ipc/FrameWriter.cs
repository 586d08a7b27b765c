using System.Threading.Channels;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Single writer of a socket: queued frames are coalesced into one reusable buffer per write.</summary>
internal sealed class FrameWriter
{
    private const int CoalesceLimit = 64 * 1024;
    private readonly Stream _stream;
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly byte[] _batch = new byte[CoalesceLimit];

    public FrameWriter(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Queues a frame; false when the writer has stopped.</summary>
    public bool TryEnqueue(byte[] frame) => _queue.Writer.TryWrite(frame);

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Runs until <see cref="Complete"/> or a write failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            var used = 0;
            while (reader.TryRead(out var frame))
            {
                if (frame.Length > CoalesceLimit - used)
                {
                    if (used > 0)
                    {
                        await _stream.WriteAsync(_batch.AsMemory(0, used), cancellationToken);
                        used = 0;
                    }

                    if (frame.Length > CoalesceLimit)
                    {
                        await _stream.WriteAsync(frame, cancellationToken);
                        continue;
                    }
                }

                frame.CopyTo(_batch, used);
                used += frame.Length;
            }

            if (used > 0)
            {
                await _stream.WriteAsync(_batch.AsMemory(0, used), cancellationToken);
            }
        }
    }
}
