using System.Buffers.Binary;

namespace YarnDL.Hadoop.Ipc;

/// <summary>The one rule for taking a Hadoop frame (BE32 length, then the body) out of a buffer, shared by the socket reader
/// and the reader of SASL-unwrapped bytes.</summary>
internal static class LengthPrefixedFrame
{
    /// <summary>Takes the next frame's body from <paramref name="buffer"/>[<paramref name="start"/>..<paramref name="end"/>)
    /// when it is there whole, advancing <paramref name="start"/>; throws as soon as a length is outside [0, max].</summary>
    /// <param name="what">How the length is named in the error, e.g. "Frame" or "Unwrapped frame".</param>
    public static bool TryTake(byte[] buffer, ref int start, int end, int maxLength, string what, out ReadOnlyMemory<byte> frame)
    {
        frame = default;
        var available = end - start;
        if (available < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(start));
        if (length < 0 || length > maxLength)
        {
            throw new HadoopConnectionException($"{what} length {length} is outside [0, {maxLength}].");
        }

        if (available - 4 < length)
        {
            return false;
        }

        frame = buffer.AsMemory(start + 4, length);
        start += 4 + length;
        return true;
    }
}
