using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>One ResourceRequest: <see cref="NumContainers"/> is the total outstanding for this key, not a delta (Hadoop semantics).
/// A SchedulingRequest decodes to an ANY ask with <see cref="AntiAffinityTag"/>: its containers carry the tag and never share a
/// node with another live container of this application holding it.</summary>
internal sealed record ContainerAsk(int Priority, long AllocationRequestId, Resource Capability, string ResourceName, int NumContainers, bool RelaxLocality = true, string? LabelExpression = null, string? AntiAffinityTag = null)
{
    public const string Any = "*";
}
