using System.Net.Sockets;
using YarnDL.AppMaster;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Startup;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>How the AM sorts failed scheduler calls, and the exit code each failure ends the process with.</summary>
public sealed class RmFailureClassifierTests
{
    private static HadoopRemoteException Fatal(string className, string message) =>
        new(className, message, RpcResponseHeaderProto.Types.RpcErrorCodeProto.FatalUnauthorized, isFatal: true);

    [Theory]
    [InlineData(HadoopExceptionNames.InvalidToken, "Invalid AMRMToken from appattempt_1700000000000_0001_000001")]
    [InlineData(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation. Mismatched response.")]
    [InlineData(HadoopExceptionNames.AccessControl, "SIMPLE authentication is not enabled.  Available:[TOKEN]")]
    public void A_fatal_security_refusal_is_an_authentication_failure(string className, string message)
    {
        var e = Fatal(className, message + "\n\tat org.apache.hadoop.ipc.Server$Connection.doSaslReply(Server.java:2300)");

        Assert.Equal(RmFailureKind.Authentication, RmFailureClassifier.Classify(e));
        Assert.Equal($"{className[(className.LastIndexOf('.') + 1)..]}: {message}", RmFailureClassifier.Reason(e));
    }

    [Fact]
    public void A_local_sasl_failure_such_as_an_unsupported_protection_is_an_authentication_failure() =>
        Assert.Equal(RmFailureKind.Authentication, RmFailureClassifier.Classify(new HadoopSaslException("the server offers qop auth-conf only")));

    [Fact]
    public void A_non_fatal_invalid_token_answer_to_a_call_is_the_rms_own_refusal() =>
        Assert.Equal(RmFailureKind.Remote, RmFailureClassifier.Classify(new HadoopRemoteException(HadoopExceptionNames.InvalidToken, "x", null, isFatal: false)));

    [Fact]
    public void Broken_connections_and_a_standby_rm_are_connection_failures()
    {
        Assert.Equal(RmFailureKind.Connection, RmFailureClassifier.Classify(new HadoopConnectionException("Connection closed by the server.")));
        Assert.Equal(RmFailureKind.Connection, RmFailureClassifier.Classify(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal(RmFailureKind.Connection, RmFailureClassifier.Classify(new HadoopRemoteException(HadoopExceptionNames.Standby, "ResourceManager rm2 is not Active!", null, isFatal: false)));
    }

    [Fact]
    public void Each_failure_maps_to_a_documented_exit_code()
    {
        var refused = new RmAuthenticationException("rm1:8030", "InvalidToken: Invalid AMRMToken", new HadoopSaslException("x"));

        Assert.Equal(AmExitCodes.RmUnavailable, AmExitCodes.For(refused));
        Assert.Equal(AmExitCodes.RmUnavailable, AmExitCodes.For(new SchedulerUnreachableException(["rm1:8030"], new IOException("refused"))));
        Assert.Equal(AmExitCodes.RmUnavailable, AmExitCodes.For(new HadoopRemoteException(HadoopExceptionNames.InvalidApplicationMasterRequest, "x", null, false)));
        Assert.Equal(AmExitCodes.BadInput, AmExitCodes.For(new StartupException(["CONTAINER_ID is not set"])));
        Assert.Equal(AmExitCodes.Internal, AmExitCodes.For(new InvalidOperationException("bug")));
        Assert.Contains("rm1:8030 refused the AM's credentials: InvalidToken: Invalid AMRMToken", AmExitCodes.Describe(refused), StringComparison.Ordinal);
        Assert.Contains("hadoop.rpc.protection", AmExitCodes.Describe(refused), StringComparison.Ordinal);
    }
}
