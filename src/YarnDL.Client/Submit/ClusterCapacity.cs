using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Cluster;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.Client.Submit;

/// <summary>What the cluster's active nodes offer together; <see cref="Gpus"/> is null when the RM does not report GPUs.</summary>
public sealed record ClusterCapacity(long MemoryMb, long VCores, long? Gpus, int ActiveNodes)
{
    /// <summary>From <c>cluster/metrics</c>: the across-partition totals when present (CapacityScheduler), else totalMB/totalVirtualCores.</summary>
    public static ClusterCapacity From(ClusterMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var total = metrics.TotalClusterResourcesAcrossPartition;
        return total is null
            ? new ClusterCapacity(metrics.TotalMB, metrics.TotalVirtualCores, null, metrics.ActiveNodes)
            : new ClusterCapacity(total.Memory, total.VCores, total.Gpus, metrics.ActiveNodes);
    }

    /// <summary>Reads the capacity, or null when the metrics are not readable (the check is then skipped).</summary>
    public static async Task<ClusterCapacity?> TryGetAsync(IRmRestClient rm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rm);
        try
        {
            return From(await rm.GetClusterMetricsAsync(ct).ConfigureAwait(false));
        }
        catch (YarnRestException)
        {
            return null;
        }
    }
}
