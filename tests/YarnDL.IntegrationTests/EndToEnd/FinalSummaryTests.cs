using System.Globalization;
using System.Text.RegularExpressions;
using YarnDL.IntegrationTests.Cli;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// <c>yarndl submit --local --wait</c> on a one-at-a-time sweep whose last trial is the best (a learning rate 100 times larger,
/// same seed, 3 epochs): the summary names that trial with the accuracy its own SUCCEEDED line shows, and every trial ends once.
/// </summary>
public sealed partial class FinalSummaryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    private const string Job = """
        name: last-is-best
        am: { memory: 512m, vcores: 1, mode: local }
        trainer: { model: mlp, dataset: digits, epochs: 3, batch-size: 32, optimizer: sgd, momentum: 0.9, learning-rate: 0.1, hidden-units: 64, strategy: allreduce, seed: 7 }
        roles:
          worker: { instances: 1, memory: 512m, vcores: 1, gpus: 0 }
        sweep: { strategy: grid, parallel: 1, max-trials: 2, objective: { metric: val_accuracy, goal: maximize }, parameters: { learning-rate: [0.001, 0.1] } }
        deadlines: { allocation: 5m, registration: 5m, job: 15m }
        """;

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Submit_wait_names_the_last_trial_best_from_the_am_final_result_and_ends_each_trial_once()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-lastbest-").FullName;
        var spec = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(spec, Job);

        var result = await Yarndl.RunAsync(Deadline, "submit", "--local", spec, "--wait");

        var lines = result.Stdout.Split('\n');
        Assert.True(result.ExitCode == 0, result.Stdout);
        var ended = lines.Where(l => Ended().IsMatch(l)).ToList();
        Assert.Single(ended, l => l.StartsWith("trial-0000 SUCCEEDED ", StringComparison.Ordinal));
        var last = Assert.Single(ended, l => l.StartsWith("trial-0001 SUCCEEDED ", StringComparison.Ordinal));
        Assert.Contains("epoch 3 ", last, StringComparison.Ordinal);
        Assert.Contains("best trial: trial-0001 learning-rate=0.1", lines);
        var accuracy = double.Parse(lines.Last(l => l.StartsWith("accuracy: ", StringComparison.Ordinal))["accuracy: ".Length..], CultureInfo.InvariantCulture);
        var own = double.Parse(ValAccuracy().Match(last).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(accuracy - own) < 1e-4, $"summary {accuracy}, trial line {own}\n{result.Stdout}");
    }

    [GeneratedRegex(@"^trial-\d{4} (SUCCEEDED|FAILED|EARLYSTOPPED)\b")]
    private static partial Regex Ended();

    [GeneratedRegex(@" val_accuracy=([0-9.]+)")]
    private static partial Regex ValAccuracy();
}
