using Google.Protobuf;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>A registered method: decodes its request and runs the user handler.</summary>
internal abstract class RpcHandler
{
    public static RpcHandler Create<TRequest, TResponse>(MessageParser<TRequest> parser, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => new Typed<TRequest, TResponse>(ParserDecoders<TRequest>.For(parser), handler);

    public static RpcHandler Create<TRequest, TResponse>(ProtoDecoder<TRequest> decoder, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : notnull
        where TResponse : IMessage<TResponse> => new Typed<TRequest, TResponse>(decoder, handler);

    /// <summary>Decodes a request (its required fields checked); throws <see cref="ProtoWireException"/> or
    /// <see cref="InvalidProtocolBufferException"/> when it is malformed.</summary>
    public abstract object Decode(ReadOnlySpan<byte> bytes);

    /// <summary>Runs the handler; a handler that answers at once costs no extra task or state machine.</summary>
    public abstract ValueTask<IMessage> InvokeAsync(HadoopCallContext context, object request, CancellationToken cancellationToken);

    private sealed class Typed<TRequest, TResponse> : RpcHandler
        where TRequest : notnull
        where TResponse : IMessage<TResponse>
    {
        private readonly ProtoDecoder<TRequest> _decoder;
        private readonly Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> _handler;

        public Typed(ProtoDecoder<TRequest> decoder, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        {
            _decoder = decoder;
            _handler = handler;
        }

        public override object Decode(ReadOnlySpan<byte> bytes) => _decoder(bytes);

        public override ValueTask<IMessage> InvokeAsync(HadoopCallContext context, object request, CancellationToken cancellationToken)
        {
            var task = _handler(context, (TRequest)request, cancellationToken);
            return task.IsCompletedSuccessfully ? new ValueTask<IMessage>(task.Result) : AwaitAsync(task);
        }

        private static async ValueTask<IMessage> AwaitAsync(Task<TResponse> task) => await task;
    }
}
