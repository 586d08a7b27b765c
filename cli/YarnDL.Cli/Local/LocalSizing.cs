namespace YarnDL.Cli.Local;

/// <summary>Shape of the local cluster: two NodeManagers, each offering the whole machine (oversubscribed CPU is fine for the digits sweep).</summary>
internal static class LocalSizing
{
    internal const int Nodes = 2;
    internal const int MinVCoresPerNode = 8;
    internal const long MinMemoryMbPerNode = 8 * 1024;

    /// <summary>GPUs stay 0: the local NMs launch plain processes and the trainers run on the CPU (or CUDA when ILGPU finds it).</summary>
    public static LocalShape For(int processors, long totalMemoryBytes) => new(
        Nodes,
        Math.Max(MinVCoresPerNode, processors),
        Math.Max(MinMemoryMbPerNode, totalMemoryBytes / (1024 * 1024)),
        GpusPerNode: 0);
}

/// <summary>What <c>submit --local</c> asks of the MiniCluster host.</summary>
internal sealed record LocalShape(int Nodes, int VCoresPerNode, long MemoryMbPerNode, int GpusPerNode)
{
    public IEnumerable<string> HostArguments()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            "--nodes", Nodes.ToString(inv), "--vcores-per-node", VCoresPerNode.ToString(inv),
            "--memory-per-node", MemoryMbPerNode.ToString(inv), "--gpus-per-node", GpusPerNode.ToString(inv),
        ];
    }
}
