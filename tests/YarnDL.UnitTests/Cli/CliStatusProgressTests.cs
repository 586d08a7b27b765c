using System.Net;
using System.Text.Json;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

/// <summary><c>yarndl status</c> shows what the tracking page shows (epoch X of N, ETA, each task's newest checkpoint) from
/// the AM's own status document, and once the AM has ended says that what it shows is the AM's last state, and from when.</summary>
public sealed class CliStatusProgressTests
{
    private const string App = "application_1700000000000_0042";

    /// <summary>A trial in epoch 3 of 10 whose worker reported a checkpoint at step 120 (epoch 3) 42 s ago, as the AM serves it.</summary>
    private const string Training = """
        {"job":"digits","attempt":1,"state":"RUNNING","clusters":[{"id":"main","state":"RUNNING","generation":0,"restarts":0,
          "hyperParameters":{},"metrics":{},"curve":[],"epochs":10,"etaSeconds":125.4,
          "tasks":[{"role":"worker","index":0,"state":"RUNNING","node":"nm1:45454","step":130,"epoch":2,"checkpointStep":120,
            "checkpointEpoch":2,"checkpointAgeSeconds":42.2,"metrics":{"loss":0.25}}]}]}
        """;

    /// <summary>The RM's report of the application after the AM unregistered with its final result (finished 2023-11-14T22:13:20Z).</summary>
    private const string Finished = """
        {"app":{"id":"application_1700000000000_0042","user":"alice","name":"digits","queue":"default","state":"FINISHED",
          "finalStatus":"SUCCEEDED","progress":100.0,"trackingUrl":"http://rm1:8088/proxy/application_1700000000000_0042/",
          "diagnostics":"best trial trial-0001 val_accuracy=0.9777 {learning-rate=0.1}\ntrial trial-0000 SUCCEEDED epoch=10 loss=0.08 val_accuracy=0.9749 {learning-rate=0.05}\ntrial trial-0001 SUCCEEDED epoch=10 loss=0.07 val_accuracy=0.9777 {learning-rate=0.1}",
          "applicationType":"YARNDL","startedTime":1699999000000,"finishedTime":1700000000000,"elapsedTime":1000000}}
        """;

    private static ScriptedHandler Running() => new ScriptedHandler()
        .On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, SpecJson.App("RUNNING", "UNDEFINED")))
        .On("rm1:8088", $"/proxy/{App}/api/v1/status", () => Json(HttpStatusCode.OK, Training));

    [Fact]
    public async Task Status_shows_the_epoch_of_epochs_the_eta_and_the_newest_checkpoint_with_its_age()
    {
        using var cli = new CliFixture(Running());

        var r = await cli.RunAsync("status", App, "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("main ", StringComparison.Ordinal) && l.Contains("RUNNING epoch 3 of 10 eta ≈ 2 min 5 s restarts=0", StringComparison.Ordinal));
        var row = Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("main ", StringComparison.Ordinal) && l.Contains(" worker ", StringComparison.Ordinal));
        Assert.Contains("step 120 · epoch 3, 42 s ago", row, StringComparison.Ordinal);
        Assert.DoesNotContain("last known state", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_running_app_whose_am_does_not_answer_says_so_instead_of_showing_nothing()
    {
        using var cli = new CliFixture(new ScriptedHandler()
            .On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, SpecJson.App("RUNNING", "UNDEFINED")))
            .On("rm1:8088", $"/proxy/{App}/api/v1/status", () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));

        var r = await cli.RunAsync("status", App, "--rm", "rm1:8088");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("job          the AM does not answer yet (it is starting, or the RM is starting its next attempt)", StringComparison.Ordinal));
        Assert.DoesNotContain("last known state", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_json_carries_the_am_document_as_the_am_serves_it()
    {
        using var cli = new CliFixture(Running());

        var r = await cli.RunAsync("status", App, "--rm", "rm1:8088", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var trial = doc.RootElement.GetProperty("job").GetProperty("clusters")[0];
        Assert.Equal(10, trial.GetProperty("epochs").GetInt32());
        Assert.Equal(125.4, trial.GetProperty("etaSeconds").GetDouble());
        var task = trial.GetProperty("tasks")[0];
        Assert.Equal(120, task.GetProperty("checkpointStep").GetInt64());
        Assert.Equal(2, task.GetProperty("checkpointEpoch").GetInt32());
        Assert.Equal(42.2, task.GetProperty("checkpointAgeSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("snapshot").ValueKind);
    }

    [Fact]
    public async Task Status_of_an_ended_job_says_its_trials_are_the_last_state_the_am_left_and_from_when()
    {
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, Finished)));

        var text = await cli.RunAsync("status", App, "--rm", "rm1:8088");
        var json = await cli.RunAsync("status", App, "--rm", "rm1:8088", "--json");

        Assert.True(text.ExitCode == 0, text.Stderr);
        var lines = text.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        var at = lines.IndexOf("last known state from the AM at 22:13:20Z; the AM has ended");
        Assert.True(at > 0, text.Stdout);
        Assert.Equal("best trial   trial-0001 val_accuracy=0.9777 learning-rate=0.1", lines[at + 1]);
        Assert.Matches(@"^trial-0000\s+SUCCEEDED learning-rate=0\.05 epoch 10 loss=0\.08 val_accuracy=0\.9749$", lines[at + 2]);
        using var doc = JsonDocument.Parse(json.Stdout);
        var snapshot = doc.RootElement.GetProperty("snapshot");
        Assert.Equal("2023-11-14T22:13:20Z", snapshot.GetProperty("at").GetString());
        Assert.Equal("final-result", snapshot.GetProperty("source").GetString());
        Assert.True(snapshot.GetProperty("amEnded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("job").ValueKind);
    }

    [Fact]
    public async Task Wait_json_ends_with_the_last_status_document_read_and_the_snapshot_it_is()
    {
        var polls = 0;
        using var cli = new CliFixture(new ScriptedHandler()
            .On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, Interlocked.Increment(ref polls) == 1 ? SpecJson.App("RUNNING", "UNDEFINED") : Finished))
            .On("rm1:8088", $"/proxy/{App}/api/v1/status", () => Json(HttpStatusCode.OK, Training)));

        var r = await cli.RunAsync("wait", App, "--rm", "rm1:8088", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("FINISHED", doc.RootElement.GetProperty("state").GetString());
        var trial = doc.RootElement.GetProperty("job").GetProperty("clusters")[0];
        Assert.Equal(10, trial.GetProperty("epochs").GetInt32());
        Assert.Equal(120, trial.GetProperty("tasks")[0].GetProperty("checkpointStep").GetInt64());
        Assert.Equal("trial-0001", doc.RootElement.GetProperty("result").GetProperty("bestTrial").GetString());
        var snapshot = doc.RootElement.GetProperty("snapshot");
        Assert.Equal("last-status", snapshot.GetProperty("source").GetString());
        Assert.True(snapshot.GetProperty("amEnded").GetBoolean());
        Assert.Equal(JsonValueKind.String, snapshot.GetProperty("at").ValueKind);
    }

    [Fact]
    public async Task Wait_json_of_a_job_whose_am_it_never_read_has_the_final_result_as_its_snapshot()
    {
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", $"/ws/v1/cluster/apps/{App}", () => Json(HttpStatusCode.OK, Finished)));

        var r = await cli.RunAsync("wait", App, "--rm", "rm1:8088", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("job").ValueKind);
        var snapshot = doc.RootElement.GetProperty("snapshot");
        Assert.Equal("2023-11-14T22:13:20Z", snapshot.GetProperty("at").GetString());
        Assert.Equal("final-result", snapshot.GetProperty("source").GetString());
    }
}
