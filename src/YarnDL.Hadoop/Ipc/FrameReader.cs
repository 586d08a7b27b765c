using System.Buffers.Binary;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Reads length-prefixed frames from a stream into one reusable buffer, enforcing a length cap.</summary>
internal sealed class FrameReader
{
    private readonly Stream _stream;
    private readonly int _maxLength;
    private readonly byte[] _lengthBuffer = new byte[4];
    private byte[] _buffer = new byte[4096];

    public FrameReader(Stream stream, int maxLength)
    {
        _stream = stream;
        _maxLength = maxLength;
    }

    /// <summary>Reads the next frame; the returned memory is valid until the next call. Null at clean EOF.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var got = await ReadAtLeastOrEofAsync(_lengthBuffer, cancellationToken);
        if (got == 0)
        {
            return null;
        }

        if (got < 4)
        {
            throw new HadoopConnectionException("Connection closed inside a frame length.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(_lengthBuffer);
        if (length < 0 || length > _maxLength)
        {
            throw new HadoopConnectionException($"Frame length {length} is outside [0, {_maxLength}].");
        }

        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, Math.Min(_buffer.Length * 2, _maxLength))];
        }

        var body = _buffer.AsMemory(0, length);
        if (await ReadAtLeastOrEofAsync(body, cancellationToken) < length)
        {
            throw new HadoopConnectionException($"Connection closed inside a frame of {length} bytes.");
        }

        return body;
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes unless EOF comes first; returns the count read.</summary>
    public async ValueTask<int> ReadAtLeastOrEofAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        await _stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
}
