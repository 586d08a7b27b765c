using System.Collections.Concurrent;
using Google.Protobuf;
using YarnDL.Hadoop.Ipc;

namespace YarnDL.Hadoop.Wire;

/// <summary>A generated parser as a <see cref="ProtoDecoder{T}"/>: the whole Google.Protobuf message, its proto2
/// <c>required</c> fields checked. One decoder per parser, made once, so a call allocates no delegate.</summary>
internal static class ParserDecoders<T>
    where T : IMessage<T>
{
    private static readonly ConcurrentDictionary<MessageParser<T>, ProtoDecoder<T>> Decoders = new(ReferenceEqualityComparer.Instance);

    public static ProtoDecoder<T> For(MessageParser<T> parser) => Decoders.GetOrAdd(parser, static p => bytes => Parse(p, bytes));

    private static T Parse(MessageParser<T> parser, ReadOnlySpan<byte> bytes)
    {
        var message = parser.ParseFrom(bytes);
        return RequiredFields.AreSet(message) ? message : throw new ProtoWireException($"{typeof(T).Name} lacks required fields", -1);
    }
}
