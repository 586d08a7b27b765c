namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>Reads the <c>RpcRequestHeaderProto</c> of an ordinary call straight from its bytes, so the common request
/// builds no header message (and no copy of its clientId): rpcKind RPC_PROTOCOL_BUFFER (field 1), rpcOp RPC_FINAL_PACKET
/// (field 2), a callId of zero or more (field 3, sint32), a clientId (field 4, bytes) and optionally a retryCount (field 5,
/// sint32, -1 when absent), in any order, a repeated field's last value counting as protobuf's does. Anything else — a
/// negative (out-of-band) callId, another kind or operation, a missing field, a field the reader does not know (trace
/// info, caller context, state id, router state), an unexpected wire type, a truncated field — is declined and left to
/// the full parser and its checks, whose answer then stands as before.</summary>
internal static class CallRequestHeader
{
    private const int RpcKindField = 1;
    private const int RpcOpField = 2;
    private const int CallIdField = 3;
    private const int ClientIdField = 4;
    private const int RetryCountField = 5;
    private const ulong ProtocolBufferKind = 2;
    private const ulong FinalPacket = 0;
    private const int Varint = 0;
    private const int LengthDelimited = 2;

    public static bool TryRead(ReadOnlySpan<byte> header, out int callId, out ReadOnlySpan<byte> clientId, out int retryCount)
    {
        callId = 0;
        clientId = default;
        retryCount = RpcConstants.InvalidRetryCount;
        ulong? kind = null;
        ulong? op = null;
        ulong? id = null;
        var hasClientId = false;
        var position = 0;
        while (position < header.Length)
        {
            if (!ProtoVarint.TryRead(header, ref position, out var tag) || tag > uint.MaxValue)
            {
                return false;
            }

            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            if (field == ClientIdField)
            {
                if (wireType != LengthDelimited || !ProtoVarint.TryRead(header, ref position, out var length) || length > (ulong)(header.Length - position))
                {
                    return false;
                }

                clientId = header.Slice(position, (int)length);
                hasClientId = true;
                position += (int)length;
                continue;
            }

            if (field is < RpcKindField or > RetryCountField || wireType != Varint || !ProtoVarint.TryRead(header, ref position, out var value))
            {
                return false;
            }

            switch (field)
            {
                case RpcKindField:
                    kind = value;
                    break;
                case RpcOpField:
                    op = value;
                    break;
                case CallIdField:
                    id = value;
                    break;
                default:
                    if (value > uint.MaxValue)
                    {
                        return false;
                    }

                    retryCount = ZigZag((uint)value);
                    break;
            }
        }

        if (kind != ProtocolBufferKind || op != FinalPacket || !hasClientId || id is not { } raw || raw > uint.MaxValue)
        {
            return false;
        }

        callId = ZigZag((uint)raw);
        return callId >= 0;
    }

    private static int ZigZag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);
}
