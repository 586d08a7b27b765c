using System.Net.Sockets;
using YarnDL.Hadoop;

namespace YarnDL.AppMaster.Ipc;

/// <summary>Sorts a failure of a call to the RM scheduler into <see cref="RmFailureKind"/>. A Hadoop server refuses a
/// SASL handshake with a FATAL response (ipc.Server's doSaslReply / authorizeConnection): InvalidToken for an unknown
/// key or attempt, SaslException for a bad digest, AccessControlException for an unauthorized connection.</summary>
internal static class RmFailureClassifier
{
    public static RmFailureKind Classify(Exception e) => e switch
    {
        HadoopSaslException => RmFailureKind.Authentication,
        HadoopRemoteException { IsFatal: true } r when IsAuthClass(r.ClassName) => RmFailureKind.Authentication,
        HadoopRemoteException { ClassName: HadoopExceptionNames.Standby } => RmFailureKind.Connection,
        HadoopRemoteException => RmFailureKind.Remote,
        HadoopConnectionException or SocketException or IOException => RmFailureKind.Connection,
        _ => RmFailureKind.Remote,
    };

    /// <summary>The refusal in one line, without the server's stack.</summary>
    public static string Reason(Exception e) => e switch
    {
        HadoopRemoteException r => $"{ShortName(r.ClassName)}: {FirstLine(r.RemoteMessage)}",
        _ => e.Message,
    };

    private static bool IsAuthClass(string className) => className is HadoopExceptionNames.InvalidToken
        or HadoopExceptionNames.InvalidTokenCanonical or HadoopExceptionNames.SaslException or HadoopExceptionNames.AccessControl;

    private static string ShortName(string className) => className[(className.LastIndexOf('.') + 1)..];

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline].TrimEnd('\r');
    }
}
