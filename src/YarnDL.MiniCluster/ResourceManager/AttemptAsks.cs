using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>An attempt's request table and what it has not yet been told; mutated only under the RM lock.</summary>
internal sealed class AttemptAsks
{
    /// <summary>Outstanding ask per SchedulerRequestKey (priority, allocation id) and resource name; the capability is not part of the key.</summary>
    public Dictionary<(int Priority, long AllocId, string Name), (Resource Capability, int Count)> Table { get; } = [];
    /// <summary>Node label expression per SchedulerRequestKey, from its ANY ask ("" = default partition).</summary>
    public Dictionary<(int Priority, long AllocId), string> Labels { get; } = [];
    /// <summary>Tags, constraint and partition per SchedulerRequestKey of a SchedulingRequest.</summary>
    public Dictionary<(int Priority, long AllocId), Constraints.ScheduledPlacement> Placements { get; } = [];
    public List<ContainerRecord> NewlyAllocated { get; } = [];
    public List<ContainerRecord> NewlyCompleted { get; } = [];
    public HashSet<string> NodesWithNmToken { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NoticesSent { get; } = new(StringComparer.Ordinal);

    public bool HasOutstanding => Table.Any(kv => kv.Key.Name == ContainerAsk.Any && kv.Value.Count > 0);
}
