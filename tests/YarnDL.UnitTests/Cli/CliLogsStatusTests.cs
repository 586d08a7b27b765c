using System.Net;
using System.Text.Json;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

public sealed class CliLogsStatusTests
{
    private const string App = "application_1700000000000_0042";
    private const string Container = "container_1700000000000_0042_01_000002";

    private const string AmStatusJson = $$"""
        {"job":"digits-sweep","state":"RUNNING","clusters":[{"id":"main","state":"RUNNING","generation":0,"restarts":1,
          "metrics":{"val_accuracy":0.91},"tasks":[{"role":"worker","index":0,"state":"RUNNING","containerId":"{{Container}}",
          "node":"nm1:45454","step":120,"metrics":{"epoch":2,"loss":0.25},"exitReason":"exit code 1 (restarted)",
          "logUrl":"http://nm1:8042/node/containerlogs/{{Container}}/alice"}]}]}
        """;

    private static ScriptedHandler Rm(string state) => new ScriptedHandler()
        .On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, SpecJson.App(state, state == "RUNNING" ? "UNDEFINED" : "SUCCEEDED")))
        .On("rm1:8088", $"/proxy/{App}/api/v1/status", () => Json(HttpStatusCode.OK, AmStatusJson))
        .On("nm1:8042", $"/ws/v1/node/containerlogs/{Container}/worker-0.stdout", () => Text(HttpStatusCode.OK, "epoch 2 loss 0.25\n"))
        .On("nm1:8042", $"/ws/v1/node/containerlogs/{Container}/worker-0.stderr", () => Text(HttpStatusCode.OK, ""));

    [Fact]
    public async Task Status_of_a_running_job_lists_each_task_with_host_state_exit_reason_metrics_and_log_link()
    {
        using var cli = new CliFixture(Rm("RUNNING"));

        var r = await cli.RunAsync("status", App, "--rm", "rm1:8088", "--verbose");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("main ", StringComparison.Ordinal) && l.Contains(" worker ", StringComparison.Ordinal));
        Assert.Matches(@"^main\s+worker\s+0\s+nm1:45454\s+RUNNING\s+exit code 1 \(restarted\)\s+epoch=2 loss=0\.25\s+-\s+http://nm1:8042/node/containerlogs/", row);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("main ", StringComparison.Ordinal) && l.Contains("val_accuracy=0.91 restarts=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_json_keeps_the_rm_report_at_the_root_and_adds_the_am_document_under_job()
    {
        using var cli = new CliFixture(Rm("RUNNING"));

        var r = await cli.RunAsync("status", App, "--rm", "rm1:8088", "--json");

        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("RUNNING", doc.RootElement.GetProperty("state").GetString());
        var task = doc.RootElement.GetProperty("job").GetProperty("clusters")[0].GetProperty("tasks")[0];
        Assert.Equal(Container, task.GetProperty("containerId").GetString());
    }

    [Fact]
    public async Task Logs_of_a_task_fetch_its_files_from_its_node_manager()
    {
        using var cli = new CliFixture(Rm("RUNNING"));

        var r = await cli.RunAsync("logs", App, "--task", "worker:0", "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal($"==> main worker:0 {Container} worker-0.stdout <==\nepoch 2 loss 0.25\n", r.Stdout);
    }

    [Fact]
    public async Task Logs_json_lists_where_each_file_is_served()
    {
        using var cli = new CliFixture(Rm("RUNNING"));

        var r = await cli.RunAsync("logs", App, "--trial", "0", "--json", "--rm", "rm1:8088");

        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(
            [$"http://nm1:8042/ws/v1/node/containerlogs/{Container}/worker-0.stdout", $"http://nm1:8042/ws/v1/node/containerlogs/{Container}/worker-0.stderr"],
            doc.RootElement.EnumerateArray().Select(e => e.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Task_logs_of_a_finished_app_without_aggregated_logs_say_what_was_tried_and_exit_2()
    {
        using var cli = new CliFixture(Rm("FINISHED"));
        var logDir = Directory.CreateTempSubdirectory("yarndl-agg-none-").FullName;

        var r = await cli.RunAsync("logs", App, "--task", "worker:0", "--rm", "rm1:8088", "--log-dir", "file://" + logDir);

        Directory.Delete(logDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"aggregated logs: file://{logDir}/alice/bucket-logs-tfile/0042/{App} (no such directory)", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("yarn logs", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_task_names_what_the_am_lists()
    {
        using var cli = new CliFixture(Rm("RUNNING"));

        var r = await cli.RunAsync("logs", App, "--task", "worker:7", "--rm", "rm1:8088");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the AM lists main/worker:0", r.Stderr, StringComparison.Ordinal);
    }
}
