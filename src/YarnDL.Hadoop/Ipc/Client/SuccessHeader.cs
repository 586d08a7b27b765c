namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Reads the callId of an <c>RpcResponseHeaderProto</c> whose status is SUCCESS straight from its bytes, so the
/// common response builds no header message (and no copy of its clientId). Anything else — an error or fatal status, a
/// missing callId or status, an unexpected wire type, a group, a truncated field — is declined and left to the full
/// parser, whose answer (and errors) then stand as before.</summary>
internal static class SuccessHeader
{
    private const int CallIdField = 1;
    private const int StatusField = 2;
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    public static bool TryRead(ReadOnlySpan<byte> header, out int callId)
    {
        callId = 0;
        var position = 0;
        ulong? id = null;
        ulong? status = null;
        while (position < header.Length)
        {
            if (!ProtoVarint.TryRead(header, ref position, out var tag) || tag >> 3 == 0 || tag > uint.MaxValue)
            {
                return false;
            }

            var field = tag >> 3;
            var wireType = (int)(tag & 7);
            if (field is CallIdField or StatusField)
            {
                if (wireType != Varint || !ProtoVarint.TryRead(header, ref position, out var value))
                {
                    return false;
                }

                if (field == CallIdField)
                {
                    id = value;
                }
                else
                {
                    status = value;
                }

                continue;
            }

            if (!TrySkip(header, ref position, wireType))
            {
                return false;
            }
        }

        if (id is not { } found || status != 0)
        {
            return false;
        }

        callId = unchecked((int)(uint)found);
        return true;
    }

    private static bool TrySkip(ReadOnlySpan<byte> data, ref int position, int wireType)
    {
        switch (wireType)
        {
            case Varint:
                return ProtoVarint.TryRead(data, ref position, out _);
            case Fixed64:
                return Advance(data, ref position, 8);
            case Fixed32:
                return Advance(data, ref position, 4);
            case LengthDelimited:
                return ProtoVarint.TryRead(data, ref position, out var length) && length <= int.MaxValue && Advance(data, ref position, (long)length);
            default:
                return false;
        }
    }

    private static bool Advance(ReadOnlySpan<byte> data, ref int position, long count)
    {
        if (count > data.Length - position)
        {
            return false;
        }

        position += (int)count;
        return true;
    }
}
