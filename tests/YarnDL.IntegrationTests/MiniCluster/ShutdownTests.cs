using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>DisposeAsync kills every container and launches no new attempt while stopping.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Dispose_kills_every_container_process_group()
    {
        var pidDir = Directory.CreateTempSubdirectory("yarndl-shutdown-").FullName;
        try
        {
            var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, MaxAppAttempts = 4 });
            using (var http = RmHttp.Create(cluster.RmRestUri))
            {
                for (var i = 0; i < 2; i++)
                {
                    // The NodeManager writes the command inside exec /bin/bash -c "…", so the launch script's own bash would expand
                    // an unescaped $! (to nothing): \$ leaves $! to the inner shell, as on a real cluster.
                    var id = await http.SubmitAsync(Submissions.Shell($"sleep 300 & echo \\$! > {pidDir}/{i}; wait"));
                    await cluster.WaitForAmRunningAsync(id, TimeSpan.FromSeconds(60));
                    // The script writes its child's pid just after starting; no cluster event marks that moment.
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    var pidFile = Path.Combine(pidDir, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0) await Task.Delay(20, cts.Token);
                }
            }

            await cluster.DisposeAsync();

            var pids = Directory.EnumerateFiles(pidDir).Select(f => File.ReadAllText(f).Trim()).Where(p => p.Length > 0).ToList();
            Assert.Equal(2, pids.Count);
            foreach (var pid in pids)
            {
                var stat = $"/proc/{pid}/stat";
                var alive = File.Exists(stat) && File.ReadAllText(stat) is var s && s[(s.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
                Assert.False(alive, $"process {pid} survived DisposeAsync");
            }
        }
        finally
        {
            Directory.Delete(pidDir, recursive: true);
        }
    }
}
