namespace YarnDL.Hadoop.Ipc;

/// <summary>The protobuf base-128 varint, read without throwing, for the header fast paths that decline what they cannot read.</summary>
internal static class ProtoVarint
{
    /// <summary>Reads the varint at <paramref name="position"/> (at most ten bytes); false when it is truncated or longer.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
