namespace YarnDL.Hadoop.Ipc;

/// <summary>Reassembles length-prefixed RPC frames from the plaintext of SASL WRAP messages: a message may carry several
/// frames or part of one, as Hadoop's server reads them (<c>unwrapPacketAndProcessRpcs</c>).</summary>
internal sealed class UnwrappedFrames
{
    private readonly int _maxLength;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public UnwrappedFrames(int maxLength)
    {
        _maxLength = maxLength;
    }

    /// <summary>True when no partial frame is buffered.</summary>
    public bool IsEmpty => _start == _end;

    /// <summary>Adds unwrapped bytes; frames taken before are no longer valid.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        var pending = _end - _start;
        if (_buffer.Length - _end < data.Length)
        {
            var target = _buffer.Length - pending >= data.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, pending + data.Length)];
            _buffer.AsSpan(_start, pending).CopyTo(target);
            _buffer = target;
            _start = 0;
            _end = pending;
        }

        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }

    /// <summary>Takes the next whole frame's body (without its length); valid until the next <see cref="Append"/>.</summary>
    public bool TryTake(out ReadOnlyMemory<byte> frame)
    {
        if (!LengthPrefixedFrame.TryTake(_buffer, ref _start, _end, _maxLength, "Unwrapped frame", out frame))
        {
            return false;
        }

        if (_start == _end)
        {
            _start = _end = 0;
        }

        return true;
    }
}
