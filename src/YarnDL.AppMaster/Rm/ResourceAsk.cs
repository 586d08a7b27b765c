namespace YarnDL.AppMaster.Rm;

/// <summary>One ANY ("*") resource request as sent: <see cref="NumContainers"/> is the total still wanted for the key.
/// With <see cref="AntiAffinityTag"/> it goes out as a SchedulingRequest whose containers carry that allocation tag and
/// may not share a node with another container of the tag (the same absolute-count semantics).</summary>
internal sealed record ResourceAsk(AskKey Key, Capability Capability, int NumContainers, string? NodeLabel, string? AntiAffinityTag = null)
{
    public const string AnyLocation = "*";
}
