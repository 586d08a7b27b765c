using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.Hadoop;

/// <summary>An error response from a Hadoop server; dispatch on <see cref="ClassName"/>, never on the message.</summary>
public sealed class HadoopRemoteException : HadoopException
{
    public HadoopRemoteException(string className, string remoteMessage, RpcResponseHeaderProto.Types.RpcErrorCodeProto? errorDetail, bool isFatal)
        : base($"{className}: {FirstLine(remoteMessage)}")
    {
        ClassName = className;
        RemoteMessage = remoteMessage;
        ErrorDetail = errorDetail;
        IsFatal = isFatal;
    }

    /// <summary>Hadoop's exception class binary name, e.g. <c>org.apache.hadoop.security.token.SecretManager$InvalidToken</c>.</summary>
    public string ClassName { get; }

    /// <summary>The server's full error text (message plus Java stack when a real Hadoop sent it).</summary>
    public string RemoteMessage { get; }

    /// <summary>Hadoop's error code, when the server sent one.</summary>
    public RpcResponseHeaderProto.Types.RpcErrorCodeProto? ErrorDetail { get; }

    /// <summary>True when the server answered FATAL and closed the connection.</summary>
    public bool IsFatal { get; }

    /// <summary>True for the refusals Hadoop's own clients retry: RetriableException, StandbyException (another RM or
    /// NameNode is active) and the call queue's overflow (the server is busy).</summary>
    public override bool IsTransient =>
        ClassName is HadoopExceptionNames.Retriable or HadoopExceptionNames.Standby
        || ClassName.EndsWith("CallQueueOverflowException", StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline].TrimEnd('\r');
    }
}
