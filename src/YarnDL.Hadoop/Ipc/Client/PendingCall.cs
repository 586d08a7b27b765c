using Google.Protobuf;
using YarnDL.Hadoop.Ipc;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>A call awaiting its response; completed by the reader loop.</summary>
internal abstract class PendingCall
{
    public abstract void Complete(ReadOnlySpan<byte> body);

    public abstract void Fail(Exception exception);
}

/// <summary>Typed pending call that parses its own response.</summary>
internal sealed class PendingCall<T> : PendingCall
    where T : IMessage<T>
{
    private readonly MessageParser<T> _parser;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCall(MessageParser<T> parser)
    {
        _parser = parser;
    }

    public Task<T> Task => _completion.Task;

    public override void Complete(ReadOnlySpan<byte> body)
    {
        try
        {
            var response = _parser.ParseFrom(body);
            if (RequiredFields.AreSet(response))
            {
                _completion.TrySetResult(response);
            }
            else
            {
                _completion.TrySetException(new HadoopConnectionException($"Response {typeof(T).Name} lacks required fields."));
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            _completion.TrySetException(new HadoopConnectionException($"Malformed {typeof(T).Name} response: {ex.Message}", ex));
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
