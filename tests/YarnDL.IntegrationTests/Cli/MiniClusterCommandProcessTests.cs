using System.Globalization;
using YarnDL.IntegrationTests.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary><c>yarndl minicluster</c> as a real process (issue 3): prints where to reach it, serves REST, and on SIGTERM
/// kills every container it launched, children included, before it exits.</summary>
public sealed class MiniClusterCommandProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_kills_the_running_am_and_its_children_then_exits_0()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-mc-cmd-").FullName;
        try
        {
            await using var p = Yarndl.Start("minicluster", "--nodes", "2", "--gpus-per-node", "1", "--memory-per-node", "4g", "--work-dir", work);
            var rest = (await p.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Deadline))["rm-rest: ".Length..];
            var scheduler = (await p.WaitForLineAsync(l => l.StartsWith("scheduler: ", StringComparison.Ordinal), Deadline))["scheduler: ".Length..];
            var confDir = (await p.WaitForLineAsync(l => l.StartsWith("conf-dir: ", StringComparison.Ordinal), Deadline))["conf-dir: ".Length..];
            await p.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Deadline);

            Assert.Matches(@"^127\.0\.0\.1:\d+$", scheduler);
            var site = await File.ReadAllTextAsync(Path.Combine(confDir, "yarn-site.xml"));
            Assert.Contains(scheduler, site, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(confDir, "resource-types.xml")));

            var pidFile = Path.Combine(work, "child.pid");
            using (var http = RmHttp.Create(new Uri(rest)))
            {
                await http.SubmitAsync(Submissions.Shell($"sleep 300 & echo $! > {pidFile}.tmp && mv {pidFile}.tmp {pidFile}; wait"));
            }

            // The AM script writes its child's pid once it runs; that moment is visible only as the file.
            await FileWaits.WaitForFileAsync(pidFile, Deadline);
            var pid = (await File.ReadAllTextAsync(pidFile)).Trim();
            Assert.True(IsAlive(pid), "the AM's child should run before SIGTERM");

            p.Terminate();

            Assert.Equal(0, await p.WaitForExitAsync(Deadline));
            Assert.Contains(p.Lines, l => l.StartsWith("stopping: killing every container", StringComparison.Ordinal));
            Assert.False(IsAlive(pid), $"the AM's child {pid} outlived the minicluster");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool IsAlive(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{int.Parse(pid, CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
