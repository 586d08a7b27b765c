using System.Net;
using System.Text.Json;
using YarnDL.UnitTests.Client.AggregatedLogs;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

/// <summary><c>yarndl logs</c> of an ended application, read from the aggregated file a real 3.4.1 NodeManager wrote.</summary>
public sealed class CliLogsAggregatedTests : IDisposable
{
    private const string App = "application_1796579136654_0003";
    private const string AmContainer = "container_e07_1796579136654_0003_01_000001";
    private readonly string _logDir = Directory.CreateTempSubdirectory("yarndl-agg-").FullName;

    public CliLogsAggregatedTests()
    {
        // The vector sits where a 3.4.1 NM with remote-app-log-dir=file://{_logDir} put it (bucket layout, user root).
        var dir = Path.Combine(_logDir, "root", "bucket-logs-tfile", "0003", App);
        Directory.CreateDirectory(dir);
        File.Copy(AggregatedLogFileTests.NodeFile, Path.Combine(dir, "localhost_45454"));
    }

    public void Dispose() => Directory.Delete(_logDir, recursive: true);

    private static ScriptedHandler Rm(string state) => new ScriptedHandler()
        .On("rm1:8088", $"/ws/v1/cluster/apps/{App}/appattempts", () => Json(HttpStatusCode.OK,
            $$$"""{"appAttempts":{"appAttempt":[{"id":1,"containerId":"{{{AmContainer}}}","nodeHttpAddress":"localhost:8042","nodeId":"localhost:45454"}]}}"""))
        .On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK,
            $$$"""{"app":{"id":"{{{App}}}","user":"root","name":"digits-sweep","state":"{{{state}}}","finalStatus":"KILLED","trackingUrl":"http://rm1:8088/cluster/app/{{{App}}}"}}"""))
        .On("localhost:8042", "/ws/v1/node/containerlogs/", () => Text(HttpStatusCode.NotFound, "Cannot find this log on the local disk."));

    [Fact]
    public async Task Task_logs_of_an_ended_app_come_from_the_aggregated_file_with_the_trial_from_the_am_log()
    {
        using var cli = new CliFixture(Rm("KILLED"));

        var r = await cli.RunAsync("logs", App, "--task", "worker:0", "--trial", "0", "--rm", "rm1:8088", "--log-dir", "file://" + _logDir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        var headers = r.Stdout.Split('\n').Where(l => l.StartsWith("==> ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["000004", "000002", "000007", "000010"],
            headers.Select(h => h.Split(' ')[3][^6..]));
        Assert.All(headers, h => Assert.StartsWith("==> trial-0000 worker:0 container_e07_1796579136654_0003_01_", h, StringComparison.Ordinal));
        Assert.All(headers, h => Assert.EndsWith(" worker-0.stderr <==", h, StringComparison.Ordinal));
        Assert.Contains("error: bad trainer settings: YARNDL_TRAINER is not a JSON object", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Am_logs_of_an_ended_app_fall_back_to_the_aggregated_file_when_the_nm_has_none()
    {
        using var cli = new CliFixture(Rm("KILLED"));

        var r = await cli.RunAsync("logs", App, "--rm", "rm1:8088", "--log-dir", "file://" + _logDir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith($"==> attempt 1 {AmContainer} am.stdout <==\njob: digits-sweep: 2 cluster(s), 4 task(s)\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_of_aggregated_logs_names_the_node_file_and_the_source()
    {
        using var cli = new CliFixture(Rm("FAILED"));

        var r = await cli.RunAsync("logs", App, "--task", "worker:0", "--rm", "rm1:8088", "--json", "--log-dir", "file://" + _logDir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var first = doc.RootElement.EnumerateArray().First();
        Assert.Equal("aggregated", first.GetProperty("source").GetString());
        Assert.EndsWith($"/root/bucket-logs-tfile/0003/{App}/localhost_45454", first.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_anywhere_lists_each_source_tried_and_exits_2_even_with_json()
    {
        using var cli = new CliFixture(Rm("KILLED"));
        var empty = Directory.CreateTempSubdirectory("yarndl-agg-empty-").FullName;
        try
        {
            var r = await cli.RunAsync("logs", App, "--rm", "rm1:8088", "--json", "--log-dir", "file://" + empty);

            Assert.Equal(2, r.ExitCode);
            Assert.Equal(string.Empty, r.Stdout);
            Assert.Contains($"NodeManager: http://localhost:8042/ws/v1/node/containerlogs/{AmContainer}/am.stderr (HTTP 404)", r.Stderr, StringComparison.Ordinal);
            Assert.Contains($"aggregated logs: file://{empty}/root/bucket-logs-tfile/0003/{App} (no such directory)", r.Stderr, StringComparison.Ordinal);
            Assert.Contains($"aggregated logs: file://{empty}/root/logs/{App} (no such directory)", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("--log-dir", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
