namespace YarnDL.AppMaster.Rm;

/// <summary>The three ApplicationMasterProtocol calls over whatever transport (Hadoop IPC in production, a fake in tests).
/// An implementation throws <see cref="RmNotRegisteredException"/> for ApplicationMasterNotRegisteredException and
/// <see cref="RmAttemptGoneException"/> for ApplicationAttemptNotFoundException.</summary>
internal interface IResourceManager
{
    Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct);

    Task<AllocateResult> AllocateAsync(AllocateCall call, CancellationToken ct);

    /// <summary>Returns isUnregistered.</summary>
    Task<bool> FinishAsync(FinalStatus status, string diagnostics, string trackingUrl, CancellationToken ct);

    /// <summary>Use this AMRMToken for the next connection (token rolling).</summary>
    void UpdateAmRmToken(ReadOnlyMemory<byte> token);
}
