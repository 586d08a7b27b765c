using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc;

/// <summary>Reads varint-delimited messages out of one received frame body, rejecting anything malformed.</summary>
internal ref struct FrameBody
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public FrameBody(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position == _data.Length;

    public readonly int Remaining => _data.Length - _position;

    /// <summary>The next delimited message's bytes.</summary>
    public ReadOnlySpan<byte> NextDelimited()
    {
        uint length = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                throw new HadoopConnectionException("Truncated length prefix in frame.");
            }

            var b = _data[_position++];
            length |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }

            shift += 7;
            if (shift > 28)
            {
                throw new HadoopConnectionException("Malformed varint length prefix in frame.");
            }
        }

        if (length > (uint)(_data.Length - _position))
        {
            throw new HadoopConnectionException($"Delimited message of {length} bytes exceeds the frame.");
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public T Next<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(NextDelimited());
}
