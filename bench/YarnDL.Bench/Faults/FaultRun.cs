using System.Globalization;
using YarnDL.Client.Tracking;
using YarnDL.Tracking;
using YarnDL.MiniCluster;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.Bench.Faults;

/// <summary>
/// One run of a scenario: a fresh MiniCluster, <c>yarndl submit job.yaml --wait</c> as a real process, the fault injected
/// once a task has reported a step past the first epoch, then the CLI's exit code and the accuracy it printed.
/// </summary>
internal static class FaultRun
{
    /// <summary>Steps of one epoch of <see cref="Job"/> (1437 training examples / batch 16).</summary>
    private const long MidTraining = 89;

    private static readonly TimeSpan SubmitLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan JobLimit = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The digits MLP on two CPU workers with a fixed seed and frequent checkpoints, as one ranked trial; long
    /// enough (40 epochs of a 512-unit MLP) that trainers report steps (every 2 s) well before they finish.</summary>
    private const string Job = """
        name: bench-faults
        am: { memory: 512m, vcores: 1, mode: local }
        trainer: { model: mlp, dataset: digits, epochs: 40, batch-size: 16, optimizer: sgd, momentum: 0.9, learning-rate: 0.05, hidden-units: 512, strategy: allreduce, seed: 7 }
        roles:
          worker: { instances: 2, memory: 512m, vcores: 1, gpus: 0 }
        sweep: { strategy: grid, parallel: 1, max-trials: 1, objective: { metric: val_accuracy, goal: maximize }, parameters: { learning-rate: [0.05] } }
        restart: { policy: on-failure, max-restarts: 3 }
        checkpoint: { dir: $CKPT, every-steps: 30 }
        deadlines: { allocation: 2m, registration: 2m, job: 5m }
        """;

    public sealed record Outcome(bool Succeeded, double? Accuracy, TimeSpan Elapsed, string Failure);

    public static async Task<Outcome> RunAsync(string repoRoot, FaultScenario scenario, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("yarndl-bench-faults-").FullName;
        try
        {
            var spec = Path.Combine(work, "job.yaml");
            await File.WriteAllTextAsync(spec, Job.Replace("$CKPT", Path.Combine(work, "ckpt"), StringComparison.Ordinal), ct).ConfigureAwait(false);
            await using var cluster = await MiniYarnCluster.StartAsync(scenario.Options, cancellationToken: ct).ConfigureAwait(false);
            var rms = string.Join(',', cluster.RmRestUris.Select(u => u.AbsoluteUri));
            await using var cli = YarndlProcess.Start(repoRoot, ["submit", spec, "--wait", "--rm", rms, "--user", Environment.UserName]);
            try
            {
                var submitted = await cli.WaitForLineAsync(l => l.StartsWith("submitted ", StringComparison.Ordinal), SubmitLimit, ct).ConfigureAwait(false);
                var appId = submitted["submitted ".Length..].Trim();
                var status = await WaitForMidTrainingAsync(cluster, appId, ct).ConfigureAwait(false);
                await scenario.InjectAsync(new FaultTarget(cluster, appId, status)).ConfigureAwait(false);
                var exitCode = await cli.WaitForExitAsync(JobLimit, ct).ConfigureAwait(false);
                var accuracy = AccuracyOf(cli.Lines);
                return exitCode == 0 && accuracy is not null
                    ? new Outcome(true, accuracy, started.Elapsed, "")
                    : new Outcome(false, accuracy, started.Elapsed, $"yarndl submit --wait exited {exitCode}:\n" + Tail(cli.Lines));
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException or YarnDLException)
            {
                return new Outcome(false, null, started.Elapsed, $"{e.Message}\n{Tail(cli.Lines)}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Polls the RM for the tracking URL and the AM's status document until a task reports a step past the first epoch.</summary>
    private static async Task<AmStatus> WaitForMidTrainingAsync(MiniYarnCluster cluster, string appId, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var rm = new RmRestClient(http, new RmClientOptions { Endpoints = cluster.RmRestUris, User = Environment.UserName });
        var reader = new AmStatusReader(http);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(JobLimit);
        try
        {
            while (true)
            {
                var report = await rm.GetApplicationAsync(appId, deadline.Token).ConfigureAwait(false);
                if (report.IsTerminal)
                {
                    throw new InvalidOperationException($"{appId} ended {report.State} before a task reached step {MidTraining}");
                }

                if (report.State == "RUNNING" && await reader.TryGetAsync(report.TrackingUrl, deadline.Token).ConfigureAwait(false) is { } status
                    && status.Clusters.Any(c => c.Tasks.Any(t => t.Step >= MidTraining)))
                {
                    return status;
                }

                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"no task of {appId} reached step {MidTraining} within {JobLimit}");
        }
    }

    /// <summary>The accuracy the CLI printed last (<c>accuracy: 0.9721</c>), or null.</summary>
    private static double? AccuracyOf(IReadOnlyList<string> lines) =>
        lines.LastOrDefault(l => l.StartsWith("accuracy: ", StringComparison.Ordinal)) is { } line
        && double.TryParse(line["accuracy: ".Length..].Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            ? a
            : null;

    private static string Tail(IReadOnlyList<string> lines) => string.Join('\n', lines.TakeLast(25));
}
