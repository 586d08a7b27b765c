namespace YarnDL.AppMaster.Rm;

/// <summary>The RM scheduler refused the AM's AMRMToken (SASL) or the AM could not complete the security handshake
/// (a wrong token password, a retired key, a protection level the AM does not offer). Retrying with the same
/// credentials cannot help, so the attempt ends; it is not an <see cref="IOException"/>.</summary>
internal sealed class RmAuthenticationException(string address, string reason, Exception inner)
    : YarnDLException($"the RM scheduler at {address} refused the AM's credentials: {reason}. "
        + "Check that the AMRMToken in the container's token file is this attempt's, that the RM was not restarted "
        + "without recovery (yarn.resourcemanager.recovery.enabled), and that hadoop.rpc.protection matches the cluster", inner)
{
    /// <summary>The scheduler address (host:port) that refused.</summary>
    public string Address { get; } = address;

    /// <summary>The refusal as the server or the SASL layer put it.</summary>
    public string Reason { get; } = reason;
}
