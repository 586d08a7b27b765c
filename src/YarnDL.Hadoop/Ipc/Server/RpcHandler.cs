using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>A registered method: parses its request and runs the user handler.</summary>
internal sealed class RpcHandler
{
    private readonly Func<ReadOnlyMemory<byte>, IMessage> _parse;
    private readonly Func<HadoopCallContext, IMessage, CancellationToken, Task<IMessage>> _invoke;

    private RpcHandler(Func<ReadOnlyMemory<byte>, IMessage> parse, Func<HadoopCallContext, IMessage, CancellationToken, Task<IMessage>> invoke)
    {
        _parse = parse;
        _invoke = invoke;
    }

    public static RpcHandler Create<TRequest, TResponse>(MessageParser<TRequest> parser, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(bytes => parser.ParseFrom(bytes.Span), async (context, request, ct) => await handler(context, (TRequest)request, ct));

    /// <summary>Parses a request; throws <see cref="InvalidProtocolBufferException"/> when malformed.</summary>
    public IMessage Parse(ReadOnlyMemory<byte> bytes) => _parse(bytes);

    public Task<IMessage> InvokeAsync(HadoopCallContext context, IMessage request, CancellationToken cancellationToken) =>
        _invoke(context, request, cancellationToken);
}
