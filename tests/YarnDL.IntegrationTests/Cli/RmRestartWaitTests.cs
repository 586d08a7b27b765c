using System.Text.RegularExpressions;
using YarnDL.Testing.MiniCluster;
using YarnDL.Testing.Processes;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// <c>yarndl submit --wait</c> through the real CLI across a ResourceManager restart: the RM's web port is down (a proxy refuses
/// connections) while the MiniCluster's RM restarts preserving work; the CLI keeps trying every
/// <c>yarn.resourcemanager.connect.retry-interval.ms</c> from the yarn-site.xml in HADOOP_CONF_DIR, says so, and exits with the
/// job's own status once the RM answers again. <c>status</c> during the outage rides it out the same way.
/// </summary>
public sealed partial class RmRestartWaitTests(MiniClusterFixture fx) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static string AmDll => Path.Combine(Path.GetDirectoryName(Yarndl.Dll)!, "am", "YarnDL.AppMaster.dll");

    [Fact]
    public async Task Submit_wait_and_status_ride_through_an_rm_restart_and_exit_with_the_job_status()
    {
        await using var proxy = new PausableProxy(fx.Cluster.RmRestUri.Port);
        var dir = Directory.CreateTempSubdirectory("yarndl-rmrestart-").FullName;
        var conf = Directory.CreateDirectory(Path.Combine(dir, "conf")).FullName;
        await File.WriteAllTextAsync(Path.Combine(conf, "yarn-site.xml"), $"""
            <configuration>
              <property><name>yarn.resourcemanager.webapp.address</name><value>{proxy.Uri.Authority}</value></property>
              <property><name>yarn.resourcemanager.connect.max-wait.ms</name><value>120000</value></property>
              <property><name>yarn.resourcemanager.connect.retry-interval.ms</name><value>500</value></property>
            </configuration>
            """);
        var job = Path.Combine(dir, "job.yaml");
        var script = $"touch {dir}/started; while [ ! -e {dir}/exit ]; do sleep 0.1; done";
        await File.WriteAllTextAsync(job, $"""
            name: rm-restart-wait
            am: {"{"} memory: 512m, vcores: 1, mode: local {"}"}
            command: "sh -c '{script}'"
            roles:
              worker: {"{"} instances: 1, memory: 256m, vcores: 1 {"}"}
            restart: {"{"} policy: never {"}"}
            """);
        var env = new Dictionary<string, string> { ["HADOOP_CONF_DIR"] = conf, ["YARN_CONF_DIR"] = "/nonexistent" };

        await using var submit = ProcessRunner.Start("dotnet", [Yarndl.Dll, "submit", job, "--user", "alice", "--am-dll", AmDll, "--wait"], env);
        await FileWaits.WaitForFileAsync(Path.Combine(dir, "started"), Deadline);
        var id = AppId().Match(await submit.WaitForLineAsync(l => l.StartsWith("submitted application_", StringComparison.Ordinal), Deadline)).Value;

        proxy.GoDown();
        fx.Cluster.RestartRm();
        await submit.WaitForLineAsync(l => l.StartsWith("RM unreachable, retrying (", StringComparison.Ordinal), Deadline);
        await using var status = ProcessRunner.Start("dotnet", [Yarndl.Dll, "status", id, "--user", "alice"], env);
        await status.WaitForLineAsync(l => l.StartsWith("RM unreachable, retrying (", StringComparison.Ordinal), Deadline);
        proxy.ComeBack();
        await File.WriteAllTextAsync(Path.Combine(dir, "exit"), "");

        Assert.True(await status.WaitForExitAsync(Deadline) == 0, string.Join('\n', status.Lines));
        Assert.Contains(status.Lines, l => l.StartsWith("RM reachable again after ", StringComparison.Ordinal));
        Assert.True(await submit.WaitForExitAsync(Deadline) == 0, string.Join('\n', submit.Lines));
        Assert.Contains($"{id} FINISHED 100%", submit.Lines);
        Assert.Contains(submit.Lines, l => l.StartsWith("RM reachable again after ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"application_\d+_\d+")]
    private static partial Regex AppId();
}
