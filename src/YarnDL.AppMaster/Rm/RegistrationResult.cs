namespace YarnDL.AppMaster.Rm;

/// <summary>The parts of RegisterApplicationMasterResponseProto the AM acts on.</summary>
internal sealed record RegistrationResult
{
    public Capability MaximumCapability { get; init; }

    public IReadOnlyList<AllocatedContainer> ContainersFromPreviousAttempts { get; init; } = [];

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> NmTokensFromPreviousAttempts { get; init; } = new Dictionary<string, ReadOnlyMemory<byte>>();
}
