namespace YarnDL.Hadoop.Wire;

/// <summary>A protobuf message could not be decoded: its bytes are truncated or malformed, or a proto2 <c>required</c>
/// field is missing. <see cref="Offset"/> is where in the message's bytes the decoder stopped (-1 when not known).</summary>
public sealed class ProtoWireException : HadoopException
{
    public ProtoWireException(string message, int offset, Exception? innerException = null)
        : base(offset >= 0 ? $"{message} (at byte {offset})" : message, innerException)
    {
        Offset = offset;
    }

    /// <summary>Offset, in the outermost message's bytes, where decoding failed; -1 when not known.</summary>
    public int Offset { get; }
}
