using YarnDL.Spec.Placement;

namespace YarnDL.AppMaster.Rm;

/// <summary>
/// What turns an ask into a SchedulingRequest: its containers carry <see cref="Tag"/>; with <see cref="AntiAffinity"/> no two of
/// them share a node; every container's node satisfies <see cref="NodeAttributes"/> (Hadoop 3.2+ node attributes).
/// </summary>
internal sealed record ConstrainedPlacement(string Tag, bool AntiAffinity, IReadOnlyList<NodeAttributeExpression> NodeAttributes)
{
    /// <summary>Only anti-affinity: <c>targetNotIn(NODE, allocationTag(tag))</c>.</summary>
    public static ConstrainedPlacement Spread(string tag) => new(tag, true, []);
}
