using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>One ResourceRequest: <see cref="NumContainers"/> is the total outstanding for this key, not a delta (Hadoop semantics).
/// A SchedulingRequest decodes to an ANY ask with a <see cref="Placement"/>: its containers carry the request's tags and go only to
/// nodes of its partition that satisfy its placement constraint.</summary>
internal sealed record ContainerAsk(int Priority, long AllocationRequestId, Resource Capability, string ResourceName, int NumContainers, bool RelaxLocality = true, string? LabelExpression = null, Constraints.ScheduledPlacement? Placement = null)
{
    public const string Any = "*";
}
