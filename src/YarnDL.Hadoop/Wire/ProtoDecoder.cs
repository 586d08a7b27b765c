namespace YarnDL.Hadoop.Wire;

/// <summary>Decodes one protobuf message straight from its bytes into the caller's own type. Runs synchronously on the
/// connection's read loop while the bytes are valid (they belong to a pooled buffer afterwards), so it must copy what it
/// keeps. Throws <see cref="ProtoWireException"/> (or Google.Protobuf's <c>InvalidProtocolBufferException</c>) when the
/// bytes are malformed or a required field is missing.</summary>
public delegate T ProtoDecoder<out T>(ReadOnlySpan<byte> bytes);
