namespace YarnDL.AppMaster.Rm;

/// <summary>One ANY ("*") resource request as sent: <see cref="NumContainers"/> is the total still wanted for the key.
/// With a <see cref="Placement"/> it goes out as a SchedulingRequest (same absolute-count semantics) whose placement constraint
/// carries the anti-affinity and node attributes; the node label then rides in the constraint as its partition.</summary>
internal sealed record ResourceAsk(AskKey Key, Capability Capability, int NumContainers, string? NodeLabel, ConstrainedPlacement? Placement = null)
{
    public const string AnyLocation = "*";
}
