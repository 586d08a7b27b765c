using YarnDL.Cli.Local;
using YarnDL.Cli.Output;
using YarnDL.Tracking;

namespace YarnDL.UnitTests.Cli;

public sealed class ProgressViewTests
{
    private static AmStatus Status(string taskState, double? accuracy, string? waiting = null) => new()
    {
        Job = "digits-sweep",
        State = "RUNNING",
        Waiting = waiting,
        BestCluster = accuracy is null ? null : "trial-0000",
        Clusters =
        [
            new AmClusterStatus
            {
                Id = "trial-0000", State = "RUNNING", HyperParameters = new Dictionary<string, string> { ["learning-rate"] = "0.02" },
                Metrics = accuracy is { } a ? new Dictionary<string, double> { ["val_accuracy"] = a } : new Dictionary<string, double>(),
                Tasks = [new AmTaskStatus { Role = "worker", Index = 1, State = taskState, Node = "127.0.0.1:4242" }],
            },
        ],
    };

    [Fact]
    public async Task Show_prints_waits_trials_and_tasks_only_when_they_change()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);

        await view.ShowAsync(Status("LAUNCHED", null, "waiting for 2 GPUs"));
        await view.ShowAsync(Status("LAUNCHED", null, "waiting for 2 GPUs"));
        await view.ShowAsync(Status("RUNNING", null));

        var lines = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["waiting: waiting for 2 GPUs", "trial-0000 RUNNING learning-rate=0.02", "  trial-0000 worker:1 LAUNCHED on 127.0.0.1:4242", "  trial-0000 worker:1 RUNNING on 127.0.0.1:4242"],
            lines);
    }

    private static AmStatus Training(int epoch, double loss, string state = "RUNNING") => new()
    {
        Job = "digits-sweep",
        State = "RUNNING",
        Clusters =
        [
            new AmClusterStatus
            {
                Id = "trial-0000", State = "RUNNING",
                Tasks =
                [
                    new AmTaskStatus { Role = "worker", Index = 0, State = state, Node = "n1", Step = epoch * 10, Epoch = epoch, Metrics = new Dictionary<string, double> { ["loss"] = loss } },
                    new AmTaskStatus { Role = "worker", Index = 1, State = state, Node = "n2", Step = epoch * 10, Epoch = epoch, Metrics = new Dictionary<string, double> { ["loss"] = loss } },
                ],
            },
        ],
    };

    [Fact]
    public async Task Show_prints_a_trial_line_per_epoch_and_a_task_line_per_state_change()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);

        await view.ShowAsync(Training(1, 0.9, "REGISTERED"));
        await view.ShowAsync(Training(1, 0.8));
        await view.ShowAsync(Training(1, 0.7));
        await view.ShowAsync(Training(2, 0.5));
        await view.ShowAsync(Training(2, 0.4));

        var lines = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "trial-0000 RUNNING epoch 1 loss=0.9",
                "  trial-0000 worker:0 REGISTERED on n1",
                "  trial-0000 worker:1 REGISTERED on n2",
                "  trial-0000 worker:0 RUNNING on n1",
                "  trial-0000 worker:1 RUNNING on n2",
                "trial-0000 RUNNING epoch 2 loss=0.5",
            ],
            lines);
    }

    [Fact]
    public async Task Summary_names_the_best_trial_and_its_accuracy()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, Status("FINISHED", 0.9721), null, "application_1_0001", "http://127.0.0.1:1/");

        Assert.Contains("best trial: trial-0000 learning-rate=0.02", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("accuracy: 0.9721", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("status page: http://127.0.0.1:1/", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_from_the_last_status_read_says_it_is_a_snapshot_and_from_when()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, Status("FINISHED", 0.9721), "", "application_1_0001", null, statusReadAt: new DateTimeOffset(2026, 12, 7, 0, 41, 7, TimeSpan.Zero));

        var lines = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("last known state from the AM at 00:41:07Z; the AM has ended", lines[0]);
        Assert.Equal("best trial: trial-0000 learning-rate=0.02", lines[1]);
    }

    [Fact]
    public async Task Summary_from_the_am_final_result_is_not_called_a_snapshot()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, Status("FINISHED", 0.9749), SweepResult, "application_1_0001", null, statusReadAt: new DateTimeOffset(2026, 12, 7, 0, 41, 7, TimeSpan.Zero));

        Assert.DoesNotContain("last known state", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_without_a_snapshot_reads_the_am_final_diagnostics()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, null, "best trial trial-0001 val_accuracy=0.975 {learning-rate=0.01}", "application_1_0001", null);

        Assert.Contains("best trial: trial-0001 learning-rate=0.01", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("accuracy: 0.9750", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Final_diagnostics_that_name_no_trial_give_nothing() => Assert.Null(FinalResult.TryParse("AM failed: allocation deadline"));

    private const string SweepResult = "best trial trial-0001 val_accuracy=0.9777 {learning-rate=0.1}\n"
        + "trial trial-0000 SUCCEEDED epoch=10 loss=0.09 val_accuracy=0.9749 {learning-rate=0.05}\n"
        + "trial trial-0001 SUCCEEDED epoch=10 loss=0.08 val_accuracy=0.9777 {learning-rate=0.1}";

    [Fact]
    public void Final_result_reads_the_best_trial_and_every_trial_line()
    {
        var r = FinalResult.TryParse(SweepResult)!;

        Assert.Equal(("trial-0001", "val_accuracy", 0.9777, "learning-rate=0.1"), (r.BestTrial, r.Metric, r.Value, r.HyperParameters));
        Assert.Equal(["trial-0000", "trial-0001"], r.Trials.Select(t => t.Id));
        Assert.Equal((10, 0.08), (r.Trials[1].Epoch, r.Trials[1].Metrics["loss"]));
    }

    /// <summary>The diagnostics a real Hadoop 3.4.1 RM reported for a sweep whose AM lived through two RM restarts: the RM's
    /// own text for the recovered attempt, then the AM's, with no separator.</summary>
    private const string RecoveredSweepResult = "Attempt recovered after RM restartbest trial trial-0000 val_accuracy=0.977716 {learning-rate=0.1}\n"
        + "trial trial-0000 SUCCEEDED epoch=600 accuracy=0.977716 loss=3.5576E-06 seconds=225.97 steps=26400 val_accuracy=0.977716 {learning-rate=0.1}\n"
        + "trial trial-0001 SUCCEEDED epoch=600 accuracy=0.977716 loss=1.71911E-05 seconds=220.809 steps=26400 val_accuracy=0.977716 {learning-rate=0.05}";

    [Fact]
    public async Task Summary_reads_the_ams_result_behind_the_rms_recovered_attempt_text()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, Status("FINISHED", 0.9749), RecoveredSweepResult, "application_1_0001", null);

        Assert.Contains("best trial: trial-0000 learning-rate=0.1", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("accuracy: 0.9777", o.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, FinalResult.TryParse(RecoveredSweepResult)!.Trials.Count);
    }

    [Fact]
    public async Task Summary_comes_from_the_final_result_even_when_a_stale_snapshot_ranked_another_trial()
    {
        using var o = new StringWriter();

        await ProgressView.SummaryAsync(o, Status("FINISHED", 0.9749), SweepResult, "application_1_0001", null);

        Assert.Contains("best trial: trial-0001 learning-rate=0.1", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("accuracy: 0.9777", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_trial_ends_once_whether_the_live_view_or_the_final_result_saw_it_first()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);
        var live = Status("SUCCEEDED", 0.9749);
        var ended = live with { Clusters = [live.Clusters[0] with { State = "SUCCEEDED" }] };

        await view.ShowAsync(ended);
        await view.ShowAsync(ended);
        await view.ShowFinalAsync(FinalResult.TryParse(SweepResult)!);

        var lines = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(' ')).ToList();
        Assert.Equal(["trial-0000 SUCCEEDED learning-rate=0.02 val_accuracy=0.9749", "trial-0001 SUCCEEDED learning-rate=0.1 epoch 10 loss=0.08 val_accuracy=0.9777"], lines);
    }

    [Fact]
    public async Task A_restart_cause_and_a_new_am_attempt_are_said_once()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);
        var running = Status("RUNNING", null);
        var restarted = running with { Attempt = 2, Clusters = [running.Clusters[0] with { Generation = 1, RestartReason = "worker:1 preempted by the RM; restarting from epoch 0 (no checkpoint configured)" }] };

        await view.ShowAsync(restarted);
        await view.ShowAsync(restarted);

        var lines = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, "AM attempt 2 took over (the previous AM ended; running tasks are re-adopted)");
        Assert.Single(lines, "trial-0000 restart (generation 1): worker:1 preempted by the RM; restarting from epoch 0 (no checkpoint configured)");
    }

    [Fact]
    public void Local_cluster_has_two_nodes_of_at_least_8_vcores_and_8g_without_gpus()
    {
        var small = LocalSizing.For(2, 4L << 30);
        var big = LocalSizing.For(32, 128L << 30);

        Assert.Equal((2, 8, 8192L, 0), (small.Nodes, small.VCoresPerNode, small.MemoryMbPerNode, small.GpusPerNode));
        Assert.Equal((32, 131072L), (big.VCoresPerNode, big.MemoryMbPerNode));
    }

    private static AmStatus CommandTask(string state, AmTaskResult? result, string? containerEnd) => new()
    {
        Job = "cluster-check",
        State = "RUNNING",
        Clusters =
        [
            new AmClusterStatus
            {
                Id = "main", State = "RUNNING",
                Tasks = [new AmTaskStatus { Role = "worker", Index = 0, State = state, Node = "n1", Result = result, ExitReason = containerEnd }],
            },
        ],
    };

    [Fact]
    public async Task A_command_task_that_reported_its_exit_shows_as_finished_and_its_containers_end_once_it_ends()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);
        var reported = new AmTaskResult { Succeeded = true, Message = "exit code 0" };
        const string End = "worker:0 on n1 (container_1_0001_01_000002) exited 0";

        await view.ShowAsync(CommandTask("RUNNING", null, null));
        // The task posted its result; its container is still ending, so the AM still says RUNNING.
        await view.ShowAsync(CommandTask("RUNNING", reported, null));
        await view.ShowAsync(CommandTask("RUNNING", reported, null));
        await view.ShowAsync(CommandTask("SUCCEEDED", reported, End));
        await view.ShowAsync(CommandTask("SUCCEEDED", reported, End));

        var tasks = o.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.Equal(
            [
                "  main worker:0 RUNNING on n1",
                "  main worker:0 SUCCEEDED, exit code 0 on n1",
                $"  main worker:0 SUCCEEDED, exit code 0 on n1 exit: {End}",
            ],
            tasks);
    }

    [Fact]
    public async Task A_command_task_that_reported_a_non_zero_exit_shows_as_failed_before_its_container_ends()
    {
        using var o = new StringWriter();
        var view = new ProgressView(o);

        await view.ShowAsync(CommandTask("RUNNING", new AmTaskResult { Succeeded = false, Message = "exit code 3" }, null));

        Assert.Contains("  main worker:0 FAILED, exit code 3 on n1", o.ToString().Split(Environment.NewLine));
        Assert.DoesNotContain("RUNNING", o.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Single(), StringComparison.Ordinal);
    }
}

