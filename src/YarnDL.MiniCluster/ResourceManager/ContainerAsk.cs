using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>One ResourceRequest: <see cref="NumContainers"/> is the total outstanding for this key, not a delta (Hadoop semantics).</summary>
internal sealed record ContainerAsk(int Priority, long AllocationRequestId, Resource Capability, string ResourceName, int NumContainers, bool RelaxLocality = true, string? LabelExpression = null)
{
    public const string Any = "*";
}
