using Google.Protobuf;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>A registered method: parses its request and runs the user handler.</summary>
internal abstract class RpcHandler
{
    public static RpcHandler Create<TRequest, TResponse>(MessageParser<TRequest> parser, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => new Typed<TRequest, TResponse>(parser, handler);

    /// <summary>Parses a request; throws <see cref="InvalidProtocolBufferException"/> when malformed.</summary>
    public abstract IMessage Parse(ReadOnlySpan<byte> bytes);

    /// <summary>Runs the handler; a handler that answers at once costs no extra task or state machine.</summary>
    public abstract ValueTask<IMessage> InvokeAsync(HadoopCallContext context, IMessage request, CancellationToken cancellationToken);

    private sealed class Typed<TRequest, TResponse> : RpcHandler
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        private readonly MessageParser<TRequest> _parser;
        private readonly Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> _handler;

        public Typed(MessageParser<TRequest> parser, Func<HadoopCallContext, TRequest, CancellationToken, Task<TResponse>> handler)
        {
            _parser = parser;
            _handler = handler;
        }

        public override IMessage Parse(ReadOnlySpan<byte> bytes) => _parser.ParseFrom(bytes);

        public override ValueTask<IMessage> InvokeAsync(HadoopCallContext context, IMessage request, CancellationToken cancellationToken)
        {
            var task = _handler(context, (TRequest)request, cancellationToken);
            return task.IsCompletedSuccessfully ? new ValueTask<IMessage>(task.Result) : AwaitAsync(task);
        }

        private static async ValueTask<IMessage> AwaitAsync(Task<TResponse> task) => await task;
    }
}
