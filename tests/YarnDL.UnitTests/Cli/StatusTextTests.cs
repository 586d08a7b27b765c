using YarnDL.Cli.Output;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.UnitTests.Cli;

/// <summary><c>yarndl status</c>'s text prints each fact once: the RM's diagnostics in one place, and the final result the AM
/// left (which the RM keeps in those diagnostics) only in the snapshot section below them.</summary>
public sealed class StatusTextTests
{
    private const string Best = "best trial trial-0001 val_accuracy=0.9777 {learning-rate=0.1}";
    private const string Trial0 = "trial trial-0000 SUCCEEDED epoch=10 loss=0.08 val_accuracy=0.9749 {learning-rate=0.05}";
    private const string Trial1 = "trial trial-0001 SUCCEEDED epoch=10 loss=0.07 val_accuracy=0.9777 {learning-rate=0.1}";

    private static AppReport Ended(string diagnostics) => new()
    {
        Id = "application_1700000000000_0042", User = "alice", Name = "digits", Queue = "default", State = "FINISHED",
        FinalStatus = "SUCCEEDED", Progress = 100, Diagnostics = diagnostics, FinishedTime = 1700000000000,
    };

    private static async Task<List<string>> RenderAsync(AppReport report)
    {
        using var o = new StringWriter();
        var result = FinalResult.TryParse(report.Diagnostics);
        await StatusText.WriteAsync(o, report, null, result, AmSnapshot.FromFinishTime(report.FinishedTime));
        return [.. o.ToString().Split(Environment.NewLine).Select(l => l.TrimEnd())];
    }

    [Fact]
    public async Task The_final_result_the_rm_keeps_is_printed_once_below_the_snapshot_line_not_again_as_diagnostics()
    {
        var lines = await RenderAsync(Ended(string.Join('\n', Best, Trial0, Trial1)));

        Assert.DoesNotContain(lines, l => l.StartsWith("diagnostics", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("trial-0001 val_accuracy=0.9777", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("trial-0000", StringComparison.Ordinal));
        var at = lines.IndexOf("last known state from the AM at 22:13:20Z; the AM has ended");
        Assert.Equal("best trial   trial-0001 val_accuracy=0.9777 learning-rate=0.1", lines[at + 1]);
        Assert.Matches(@"^trial-0000\s+SUCCEEDED learning-rate=0\.05 epoch 10 loss=0\.08 val_accuracy=0\.9749$", lines[at + 2]);
        Assert.Matches(@"^trial-0001\s+SUCCEEDED learning-rate=0\.1 epoch 10 loss=0\.07 val_accuracy=0\.9777$", lines[at + 3]);
    }

    [Fact]
    public async Task What_the_rm_says_besides_the_final_result_stays_in_the_diagnostics_once_above_the_snapshot()
    {
        // After an RM restart the RM writes its own text before the AM's, with no separator; a failed trial follows the summary.
        var diagnostics = string.Join('\n', $"Attempt recovered after RM restart{Best}; cluster trial-0002 failed: worker:0 exited with code 3",
            Trial0, Trial1, "trial trial-0002 FAILED epoch=2 {learning-rate=0.5}");

        var lines = await RenderAsync(Ended(diagnostics));

        var diag = Assert.Single(lines, l => l.StartsWith("diagnostics", StringComparison.Ordinal));
        Assert.Equal("diagnostics  Attempt recovered after RM restart; cluster trial-0002 failed: worker:0 exited with code 3", diag);
        Assert.Single(lines, l => l.Contains("trial-0001 val_accuracy=0.9777", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("trial-0002", StringComparison.Ordinal) && l.Contains("FAILED", StringComparison.Ordinal));
        Assert.True(lines.IndexOf(diag) < lines.FindIndex(l => l.StartsWith("last known state", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Diagnostics_without_a_final_result_are_printed_whole_each_line_under_the_value_column()
    {
        var lines = await RenderAsync(Ended("AM Container for appattempt_1700000000000_0042_000001 exited with  exitCode: 1\nFailing this attempt.Diagnostics: boom"));

        var at = lines.FindIndex(l => l.StartsWith("diagnostics", StringComparison.Ordinal));
        Assert.Equal("diagnostics  AM Container for appattempt_1700000000000_0042_000001 exited with  exitCode: 1", lines[at]);
        Assert.Equal("             Failing this attempt.Diagnostics: boom", lines[at + 1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("last known state", StringComparison.Ordinal));
    }
}
