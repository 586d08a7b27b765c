using YarnDL.MiniCluster;

namespace YarnDL.Cli.Local;

/// <summary>Shape of the local cluster: two NodeManagers, each offering the whole machine (oversubscribed CPU is fine for the digits sweep).</summary>
internal static class LocalSizing
{
    internal const int Nodes = 2;
    internal const int MinVCoresPerNode = 8;
    internal const long MinMemoryMbPerNode = 8 * 1024;

    /// <summary>GPUs stay 0: the local NMs launch plain processes and the trainers run on the CPU (or CUDA when ILGPU finds it).</summary>
    public static MiniClusterOptions For(int processors, long totalMemoryBytes) => new()
    {
        Nodes = Nodes,
        VCoresPerNode = Math.Max(MinVCoresPerNode, processors),
        MemoryMbPerNode = Math.Max(MinMemoryMbPerNode, totalMemoryBytes / (1024 * 1024)),
        GpusPerNode = 0,
    };
}
