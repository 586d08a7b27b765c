using System.Text.Json;
using YarnDL.Cli.Output;
using YarnDL.Tracking;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.UnitTests.Cli;

/// <summary>The one JSON object <c>status --json</c> prints and <c>wait --json</c> ends with: the RM report at the root, the
/// AM's document under <c>job</c>, its final result under <c>result</c>, and what the last known state is under <c>snapshot</c>.</summary>
public sealed class StatusJsonTests
{
    private static readonly AppReport Finished = new()
    {
        Id = "application_1700000000000_0042", State = "FINISHED", FinalStatus = "SUCCEEDED", Progress = 100, FinishedTime = 1700000000000,
        Diagnostics = "best trial main val_accuracy=0.97\ntrial main SUCCEEDED epoch=10 val_accuracy=0.97",
    };

    private static readonly AmStatus LastRead = new()
    {
        Job = "digits", Attempt = 1, State = "RUNNING",
        Clusters =
        [
            new AmClusterStatus
            {
                Id = "main", State = "RUNNING", Epochs = 10, EtaSeconds = 12.5,
                Tasks = [new AmTaskStatus { Role = "worker", Index = 0, State = "RUNNING", Epoch = 9, CheckpointStep = 90, CheckpointEpoch = 8, CheckpointAgeSeconds = 3 }],
            },
        ],
    };

    [Fact]
    public void The_last_status_document_read_is_under_job_with_the_snapshot_saying_when_it_was_read()
    {
        var snapshot = AmSnapshot.Of(new DateTimeOffset(2026, 12, 7, 0, 41, 7, TimeSpan.Zero), AmSnapshot.SourceLastStatus);

        using var doc = JsonDocument.Parse(StatusJson.Write(Finished, LastRead, FinalResult.TryParse(Finished.Diagnostics), snapshot));

        var root = doc.RootElement;
        Assert.Equal("FINISHED", root.GetProperty("state").GetString());
        var trial = root.GetProperty("job").GetProperty("clusters")[0];
        Assert.Equal(10, trial.GetProperty("epochs").GetInt32());
        Assert.Equal(12.5, trial.GetProperty("etaSeconds").GetDouble());
        Assert.Equal(90, trial.GetProperty("tasks")[0].GetProperty("checkpointStep").GetInt64());
        Assert.Equal("main", root.GetProperty("result").GetProperty("bestTrial").GetString());
        var s = root.GetProperty("snapshot");
        Assert.Equal("2026-12-07T00:41:07Z", s.GetProperty("at").GetString());
        Assert.Equal("last-status", s.GetProperty("source").GetString());
        Assert.True(s.GetProperty("amEnded").GetBoolean());
    }

    [Fact]
    public void Parts_that_are_not_known_are_null_not_missing()
    {
        using var doc = JsonDocument.Parse(StatusJson.Write(Finished, null, null, null));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("job").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("snapshot").ValueKind);
        Assert.Equal("application_1700000000000_0042", doc.RootElement.GetProperty("id").GetString());
    }
}
