using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.MiniCluster.ResourceManager.Constraints;

/// <summary>What a SchedulingRequest adds to an ANY ask: the tags its containers carry, its placement constraint (null = none),
/// and the node partition the CapacityScheduler looks in ("" = default), read only from a top-level SingleConstraint.</summary>
internal sealed record ScheduledPlacement(IReadOnlyList<string> Tags, PlacementConstraintProto? Constraint, string Partition);
