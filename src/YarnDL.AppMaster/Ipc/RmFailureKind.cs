namespace YarnDL.AppMaster.Ipc;

/// <summary>How the AM reacts to a failed ApplicationMasterProtocol call.</summary>
internal enum RmFailureKind
{
    /// <summary>An answer of the RM itself (refused request); passed on as it is.</summary>
    Remote,

    /// <summary>No connection, a broken one, or a standby RM: try the next scheduler address.</summary>
    Connection,

    /// <summary>The security handshake was refused or failed: the attempt cannot go on with these credentials.</summary>
    Authentication,
}
