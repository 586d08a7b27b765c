using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Reads length-prefixed frames from a stream, enforcing a length cap. Reads take whatever has arrived into
/// one reusable buffer, so frames that come together (pipelined calls) cost one read between them, and a frame
/// already buffered is returned without waiting. The buffer starts small (a process with hundreds of quiet connections,
/// an AM talking to every NodeManager, holds little) and doubles up to <see cref="BatchCapacity"/> when a read fills it,
/// or to the size of a frame that does not fit.</summary>
internal sealed class FrameReader
{
    private const int InitialCapacity = 4 * 1024;
    private const int BatchCapacity = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxLength;
    private byte[] _buffer = new byte[InitialCapacity];
    private int _start;
    private int _end;
    private bool _lastReadFilled;

    public FrameReader(Stream stream, int maxLength)
    {
        _stream = stream;
        _maxLength = maxLength;
    }

    /// <summary>Reads the next frame; the returned memory is valid until the next call. Null at clean EOF.</summary>
    public ValueTask<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (TryTakeFrame(out var frame))
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(frame);
        }

        return ReadFrameSlowAsync(cancellationToken);
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes unless EOF comes first; returns the count read.</summary>
    public async ValueTask<int> ReadAtLeastOrEofAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var copied = 0;
        while (copied < buffer.Length)
        {
            if (_end == _start && !await FillAsync(cancellationToken))
            {
                break;
            }

            var n = Math.Min(buffer.Length - copied, _end - _start);
            _buffer.AsMemory(_start, n).CopyTo(buffer[copied..]);
            _start += n;
            copied += n;
        }

        return copied;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>?> ReadFrameSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await FillAsync(cancellationToken))
            {
                return (_end - _start) switch
                {
                    0 => null,
                    < 4 => throw new HadoopConnectionException("Connection closed inside a frame length."),
                    _ => throw new HadoopConnectionException($"Connection closed inside a frame of {BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start))} bytes."),
                };
            }

            if (TryTakeFrame(out var frame))
            {
                return frame;
            }
        }
    }

    /// <summary>Takes the next frame when it is buffered whole; throws as soon as a length is outside the cap.</summary>
    private bool TryTakeFrame(out ReadOnlyMemory<byte> frame) =>
        LengthPrefixedFrame.TryTake(_buffer, ref _start, _end, _maxLength, "Frame", out frame);

    /// <summary>Reads more bytes after those buffered (making room first); false at EOF.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        var needed = pending >= 4 ? 4 + BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start)) : 4;
        if (_buffer.Length - _start < needed || _end == _buffer.Length)
        {
            // Move the partial frame to the front, into a larger buffer if it cannot fit otherwise. The frame handed out
            // by the previous call is no longer in use (it was valid until this call).
            // A read that filled the buffer to its end says more comes at once: a larger buffer takes it in fewer reads.
            var wanted = _lastReadFilled && _buffer.Length < BatchCapacity ? Math.Max(needed, _buffer.Length * 2) : needed;
            var target = _buffer.Length >= wanted ? _buffer : new byte[Math.Max(wanted, Math.Min(_buffer.Length * 2, _maxLength + 4))];
            _buffer.AsSpan(_start, pending).CopyTo(target);
            _buffer = target;
            _start = 0;
            _end = pending;
        }

        var space = _buffer.Length - _end;
        var n = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _lastReadFilled = n == space;
        _end += n;
        return n > 0;
    }
}
