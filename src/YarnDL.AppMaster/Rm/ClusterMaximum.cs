namespace YarnDL.AppMaster.Rm;

/// <summary>
/// The largest container the cluster grants, as far as the AM knows. Hadoop's RM answers a registration with its configured
/// maximum for a while after it starts (<c>yarn.resourcemanager.work-preserving-recovery.scheduling-wait-ms</c>) and until
/// its NodeManagers have re-registered; a resource type without a configured maximum then reads Long.MAX_VALUE (for GPUs:
/// 9223372036854775807). Such a value means "unknown", and the nodes the RM later reports in updated_nodes tell the real
/// one (the largest running node's). Thread-safe.
/// </summary>
internal sealed class ClusterMaximum
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Capability> _running = new(StringComparer.Ordinal);
    private Capability _registered;

    /// <summary>True for a value the RM reports when nothing bounds it (Long.MAX_VALUE or Integer.MAX_VALUE).</summary>
    public static bool IsUnbounded(long value) => value >= int.MaxValue;

    /// <summary>What the last registration reported.</summary>
    public void Registered(Capability max)
    {
        lock (_gate)
        {
            _registered = max;
        }
    }

    /// <summary>Takes in the nodes of an allocate response: running nodes count towards the maximum, unusable ones no longer do.</summary>
    public void Update(IEnumerable<NodeUpdate> nodes)
    {
        lock (_gate)
        {
            foreach (var n in nodes)
            {
                if (n.State == "RUNNING")
                {
                    _running[n.NodeId] = n.Capability;
                }
                else
                {
                    _running.Remove(n.NodeId);
                }
            }
        }
    }

    /// <summary>The known maximum; a resource is null while unknown (the RM reported it unbounded and no running node was reported yet).</summary>
    public (long? MemoryMb, int? Vcores, long? Gpus) Current
    {
        get
        {
            lock (_gate)
            {
                return (Resolve(_registered.MemoryMb, c => c.MemoryMb), (int?)Resolve(_registered.Vcores, c => c.Vcores), Resolve(_registered.Gpus, c => c.Gpus));
            }
        }
    }

    /// <summary>For logs and messages: never the RM's placeholder number.</summary>
    public override string ToString()
    {
        var (memory, vcores, gpus) = Current;
        static string Of(long? v, string unit) => v is { } x ? $"{x}{unit}" : $"unknown{unit}";
        return $"<{Of(memory, " MB")}, {Of(vcores, " vcores")}, {Of(gpus, " GPUs")}>" + (memory is null || vcores is null || gpus is null ? " (unknown until the NodeManagers re-register)" : "");
    }

    private long? Resolve(long registered, Func<Capability, long> of)
    {
        if (!IsUnbounded(registered))
        {
            return registered;
        }

        return _running.Count == 0 ? null : _running.Values.Max(of);
    }
}
