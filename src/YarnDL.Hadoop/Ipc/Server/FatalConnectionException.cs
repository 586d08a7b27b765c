using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>Raised inside a server connection to answer FATAL and close it.</summary>
internal sealed class FatalConnectionException : YarnDLException
{
    public FatalConnectionException(int callId, ErrorCode code, string className, string message)
        : base(message)
    {
        CallId = callId;
        Code = code;
        ClassName = className;
    }

    public int CallId { get; }

    public ErrorCode Code { get; }

    public string ClassName { get; }
}
