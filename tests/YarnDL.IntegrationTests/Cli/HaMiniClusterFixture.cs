using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>A MiniCluster with two RMs (rm1 active, rm2 standby) and one node without GPUs, for CLI runs with the real AM.</summary>
public sealed class HaMiniClusterFixture : MiniClusterFixture
{
    protected override MiniClusterOptions CreateOptions() =>
        new() { Nodes = 1, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4, HighAvailability = true };
}
