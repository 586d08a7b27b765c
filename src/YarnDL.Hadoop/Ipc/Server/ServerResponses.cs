using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;
using Status = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcStatusProto;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>Builds server response frames.</summary>
internal static class ServerResponses
{
    public static byte[] Success(int callId, ByteString clientId, int retryCount, IMessage? body) =>
        RpcFrame.Build(Header(callId, Status.Success, clientId, retryCount), body);

    /// <summary>The bytes of <see cref="Success"/> in a rented array, the header set on this thread's reusable instance
    /// (serialized before this thread builds another): a reply allocates neither header nor frame.</summary>
    public static PooledFrame RentSuccess(int callId, ByteString clientId, int retryCount, IMessage? body)
    {
        var header = t_success ??= new RpcResponseHeaderProto { Status = Status.Success, ServerIpcVersionNum = RpcConstants.ServerIpcVersion };
        header.CallId = unchecked((uint)callId);
        header.ClientId = clientId;
        header.RetryCount = retryCount;
        return RpcFrame.Rent(header, body);
    }

    [ThreadStatic]
    private static RpcResponseHeaderProto? t_success;

    public static byte[] Error(int callId, ByteString clientId, int retryCount, bool fatal, ErrorCode code, string className, string message)
    {
        var header = Header(callId, fatal ? Status.Fatal : Status.Error, clientId, retryCount);
        header.ExceptionClassName = className;
        header.ErrorMsg = message;
        header.ErrorDetail = code;
        return RpcFrame.Build(header);
    }

    public static byte[] Sasl(RpcSaslProto message) =>
        RpcFrame.Build(new RpcResponseHeaderProto { CallId = unchecked((uint)RpcConstants.SaslCallId), Status = Status.Success }, message);

    private static RpcResponseHeaderProto Header(int callId, Status status, ByteString clientId, int retryCount) => new()
    {
        CallId = unchecked((uint)callId),
        Status = status,
        ServerIpcVersionNum = RpcConstants.ServerIpcVersion,
        ClientId = clientId,
        RetryCount = retryCount,
    };
}
