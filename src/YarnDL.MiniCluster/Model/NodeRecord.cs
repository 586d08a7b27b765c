namespace YarnDL.MiniCluster.Model;

/// <summary>A NodeManager's bookkeeping as the RM sees it; mutated only under the RM lock.</summary>
internal sealed class NodeRecord
{
    public required string Host { get; init; }
    public required int RpcPort { get; init; }
    public required int HttpPort { get; init; }
    public required Resource Total { get; init; }
    public required string LocalDir { get; init; }
    public required string LogDir { get; init; }
    public string State { get; set; } = "RUNNING";

    /// <summary>The node's label (exclusive partition); "" = the default partition.</summary>
    public string Label { get; init; } = "";

    /// <summary>Node attributes (distributed from the NM's provider, centralized from the RM), each prefix/name once.</summary>
    public IReadOnlyList<NodeAttribute> Attributes { get; init; } = [];
    public Resource Used { get; set; }
    public long LastHealthUpdate { get; set; }

    /// <summary>How many times the node registered with the RM (it re-registers with a restarted RM).</summary>
    public int Registrations { get; set; } = 1;
    public Dictionary<int, string> AssignedGpus { get; } = [];
    public List<ContainerRecord> Containers { get; } = [];

    public string NodeId => $"{Host}:{RpcPort}";
    public string HttpAddress => $"{Host}:{HttpPort}";
    public Resource Available => Total - Used;

    /// <summary>Lowest free GPU indices, as the NM's GPU allocator hands them out.</summary>
    public List<int> TakeGpus(int count, string containerId)
    {
        var taken = Enumerable.Range(0, Total.Gpus).Where(i => !AssignedGpus.ContainsKey(i)).Take(count).ToList();
        if (taken.Count != count) throw new InvalidOperationException($"node {NodeId} has fewer than {count} free GPUs");
        foreach (var i in taken) AssignedGpus[i] = containerId;
        return taken;
    }

    public void Release(ContainerRecord c)
    {
        if (!Containers.Remove(c)) return;
        Used -= c.Resource;
        foreach (var i in c.GpuIndices) AssignedGpus.Remove(i);
    }
}
