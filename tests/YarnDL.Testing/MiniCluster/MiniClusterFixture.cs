using YarnDL.MiniCluster;

namespace YarnDL.Testing.MiniCluster;

/// <summary>Starts a MiniCluster for a test class (xunit IClassFixture) and an HttpClient on its active RM that never follows redirects.</summary>
public class MiniClusterFixture : IAsyncLifetime
{
    private MiniYarnCluster? _cluster;
    private HttpClient? _http;

    public MiniYarnCluster Cluster => _cluster ?? throw new InvalidOperationException("fixture not started");

    public HttpClient Http => _http ?? throw new InvalidOperationException("fixture not started");

    /// <summary>Override to shape the cluster (default: 2 nodes × 4 GPUs, 8 GiB, 8 vcores).</summary>
    protected virtual MiniClusterOptions CreateOptions() => new() { Nodes = 2, GpusPerNode = 4, MemoryMbPerNode = 8192, VCoresPerNode = 8 };

    public async Task InitializeAsync()
    {
        _cluster = await MiniYarnCluster.StartAsync(CreateOptions()).ConfigureAwait(false);
        _http = RmHttp.Create(_cluster.RmRestUri);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync().ConfigureAwait(false);
    }
}
