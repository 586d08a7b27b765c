namespace YarnDL.Hadoop;

/// <summary>Java exception class names that Hadoop servers send.</summary>
public static class HadoopExceptionNames
{
    public const string ApplicationMasterNotRegistered = "org.apache.hadoop.yarn.exceptions.ApplicationMasterNotRegisteredException";
    public const string InvalidApplicationMasterRequest = "org.apache.hadoop.yarn.exceptions.InvalidApplicationMasterRequestException";
    public const string ApplicationAttemptNotFound = "org.apache.hadoop.yarn.exceptions.ApplicationAttemptNotFoundException";
    public const string InvalidContainer = "org.apache.hadoop.yarn.exceptions.InvalidContainerException";
    public const string InvalidToken = "org.apache.hadoop.security.token.SecretManager$InvalidToken";
    public const string InvalidTokenCanonical = "org.apache.hadoop.security.token.SecretManager.InvalidToken";
    public const string YarnException = "org.apache.hadoop.yarn.exceptions.YarnException";
    public const string InvalidResourceRequest = "org.apache.hadoop.yarn.exceptions.InvalidResourceRequestException";
    public const string InvalidResourceBlacklistRequest = "org.apache.hadoop.yarn.exceptions.InvalidResourceBlacklistRequestException";
    public const string InvalidContainerRelease = "org.apache.hadoop.yarn.exceptions.InvalidContainerReleaseException";
    public const string NMNotYetReady = "org.apache.hadoop.yarn.exceptions.NMNotYetReadyException";
    public const string InvalidAuxService = "org.apache.hadoop.yarn.exceptions.InvalidAuxServiceException";
    public const string AccessControl = "org.apache.hadoop.security.AccessControlException";
    public const string Retriable = "org.apache.hadoop.ipc.RetriableException";
    public const string Standby = "org.apache.hadoop.ipc.StandbyException";
    public const string VersionMismatch = "org.apache.hadoop.ipc.RPC$VersionMismatch";
    public const string NoSuchMethod = "org.apache.hadoop.ipc.RpcNoSuchMethodException";
    public const string NoSuchProtocol = "org.apache.hadoop.ipc.RpcNoSuchProtocolException";
    public const string IpcException = "org.apache.hadoop.ipc.IpcException";
    public const string SaslException = "javax.security.sasl.SaslException";
    public const string IOException = "java.io.IOException";
}
