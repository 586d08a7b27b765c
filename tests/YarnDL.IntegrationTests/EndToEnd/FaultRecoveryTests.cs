using YarnDL.Tracking;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// Each MiniCluster fault injected mid-training into a real AM + real trainer job ends SUCCEEDED with the accuracy of the
/// fault-free run of the same seed (within 1%). Triggers are events (a task reported step ≥ N), never sleeps.
/// One collection: the runs are CPU-bound and share two cores, so they go one after the other.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FaultRecoveryTests(FaultFreeBaseline baseline)
{
    private const long MidTraining = FaultJobs.StepsPerEpoch;

    [Fact]
    public async Task Fault_free_run_succeeds_and_wait_shows_tasks_running_and_a_trial_line_per_epoch()
    {
        var run = await baseline.ResultAsync();

        Assert.True(run.Accuracy > 0.9, $"fault-free accuracy {run.Accuracy}");
        var output = string.Join('\n', run.WaitLines);
        Assert.True(run.WaitExitCode == 0, output);
        foreach (var task in new[] { "worker:0", "worker:1" })
        {
            var lines = run.WaitLines.Where(l => l.StartsWith($"  trial-0000 {task} ", StringComparison.Ordinal)).ToList();
            Assert.Contains(lines, l => l.StartsWith($"  trial-0000 {task} RUNNING on ", StringComparison.Ordinal));
            Assert.True(lines.Count <= 5, $"{task}: a line per state change expected\n{output}");
        }

        // Events, not counts that depend on how many heartbeats an epoch takes: no trial line repeats one already printed
        // (a line per state change or epoch), the epochs shown never go back, and the trial ends exactly once.
        var trialLines = run.WaitLines.Where(l => l.StartsWith("trial-0000 ", StringComparison.Ordinal)).ToList();
        var progress = trialLines.Where(l => !l.StartsWith("trial-0000 restart ", StringComparison.Ordinal))
            .Select(l => (State: l.Split(' ')[1], Epoch: EpochOf(l))).ToList();
        Assert.Equal(progress.Count, progress.Distinct().Count());
        var epochs = progress.Where(p => p.Epoch is not null).Select(p => p.Epoch!.Value).ToList();
        Assert.True(epochs.SequenceEqual(epochs.Order()), $"epochs go back\n{output}");
        Assert.Single(trialLines, l => l.StartsWith("trial-0000 SUCCEEDED ", StringComparison.Ordinal));
        Assert.Contains(run.WaitLines, l => l.StartsWith("trial-0000 RUNNING learning-rate=0.05 epoch ", StringComparison.Ordinal) && l.Contains(" val_accuracy=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Work_preserving_rm_restart_mid_training_succeeds_without_restarting_the_cluster_or_showing_unbounded_gpus()
    {
        // A recovery wait longer than any AM takes to re-register, so the AM always re-registers inside it.
        await using var cluster = await StartClusterAsync(recoveryWait: TimeSpan.FromMinutes(10));
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));

        cluster.Cluster.RestartRm();

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        Assert.Equal(0, job.LastStatus!.Clusters.Single().Generation);
        // As Hadoop's RM keeps it: its own text for the recovered attempt, then the AM's, with no separator.
        Assert.StartsWith("Attempt recovered after RM restartbest trial trial-0000 val_accuracy=", report.Diagnostics, StringComparison.Ordinal);

        // Re-registering within the RM's recovery wait, the AM is told Long.MAX_VALUE GPUs: it says "unknown", never the number.
        var amLog = string.Join('\n', cluster.Cluster.Nodes.Select(n => Path.Combine(n.LogDir, job.ApplicationId)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "am.stdout", SearchOption.AllDirectories)).Select(File.ReadAllText));
        Assert.Contains("unknown GPUs> (unknown until the NodeManagers re-register)", amLog, StringComparison.Ordinal);
        Assert.DoesNotContain("9223372036854775807", amLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rm_failover_with_ha_mid_training_succeeds_without_restarting_the_cluster()
    {
        await using var cluster = await StartClusterAsync(ha: true);
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));

        cluster.Cluster.Failover();

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        Assert.Equal(0, job.LastStatus!.Clusters.Single().Generation);
    }

    [Fact]
    public async Task Rm_restart_after_an_amrm_token_roll_succeeds_because_the_am_reconnects_with_the_rolled_token()
    {
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));
        // The RM hands the new token out in every allocate answer until the AM connects with it. The AM heartbeats one call
        // at a time, so a second hand-out means the AM has taken in the first answer, and with it the new token.
        var handedOut = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handOuts = 0;
        cluster.Cluster.Rm.AmRmTokenHandedOut += (attempt, key) =>
        {
            if (attempt.Contains(job.ApplicationId["application_".Length..], StringComparison.Ordinal) && Interlocked.Increment(ref handOuts) >= 2)
            {
                handedOut.TrySetResult(key);
            }
        };

        cluster.Cluster.RollAmRmTokenMasterKey();
        await handedOut.Task.WaitAsync(TimeSpan.FromMinutes(1));
        cluster.Cluster.ActivateNextAmRmTokenMasterKey(); // the AM's original token is refused from now on
        cluster.Cluster.RestartRm(); // drops the AM's connection: it must authenticate again

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        Assert.Equal(1, cluster.Cluster.Rm.Read(v => v.Apps.Single(a => a.Id == job.ApplicationId).Attempts.Count));
        Assert.Equal(0, job.LastStatus!.Clusters.Single().Generation);
    }

    [Fact]
    public async Task Preempted_trainer_checkpoints_and_the_cluster_resumes_without_using_the_restart_budget()
    {
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));

        var preempted = cluster.Cluster.Preempt(job.ApplicationId, 1);

        Assert.Single(preempted);
        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        var trial = job.LastStatus!.Clusters.Single();
        Assert.True(trial.Generation >= 1, job.Trace());
        Assert.Equal(0, trial.Restarts);
    }

    [Fact]
    public async Task Killed_trainer_container_restarts_the_cluster_from_its_checkpoint_without_using_the_budget()
    {
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        var status = await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));

        cluster.Cluster.KillContainer(status.Clusters.Single().Tasks.Single(t => t.Index == 1).ContainerId!);

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        var trial = job.LastStatus!.Clusters.Single();
        Assert.True(trial.Generation >= 1, job.Trace());
        Assert.Equal(0, trial.Restarts);
    }

    [Fact]
    public async Task Killed_cnn_trainer_restarts_the_factored_pair_from_its_checkpoint()
    {
        // The factored step keeps half of the hidden layer's moments on each rank; the checkpoint gathers them, and
        // the restarted pair resumes from it.
        Assert.Contains("model: cnn, dataset: digits, epochs: 60", FaultJobs.CnnTrial, StringComparison.Ordinal);
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.CnnTrial);
        var status = await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));

        cluster.Cluster.KillContainer(status.Clusters.Single().Tasks.Single(t => t.Index == 0).ContainerId!);

        var report = await job.WaitForEndAsync();
        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        Assert.True(E2eJob.Accuracy(report) >= 0.97, $"accuracy {E2eJob.Accuracy(report)}\n{job.Trace()}");
        var trial = job.LastStatus!.Clusters.Single();
        Assert.True(trial.Generation >= 1, job.Trace());
        Assert.Equal(0, trial.Restarts);
    }

    [Fact]
    public async Task Lost_node_restarts_the_cluster_elsewhere_from_its_checkpoint_naming_the_rms_node_report()
    {
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial);
        var status = await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));
        var amHost = (await job.Rm.GetApplicationAsync(job.ApplicationId)).AmHostHttpAddress;
        var taskNodes = status.Clusters.Single().Tasks.Select(t => t.Node!).Distinct().ToList();
        var amNode = cluster.Cluster.Nodes.FirstOrDefault(n => $"{n.Host}:{n.HttpPort}" == amHost)?.NodeId;
        var victim = taskNodes.FirstOrDefault(n => n != amNode) ?? taskNodes[0];

        cluster.Cluster.LoseNode(victim);

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        var trial = job.LastStatus!.Clusters.Single();
        Assert.True(trial.Generation >= 1, job.Trace());
        Assert.Equal(0, trial.Restarts);
        Assert.DoesNotContain(trial.Tasks, t => t.Node == victim);
        // The cause comes from the RM's node report (updated_nodes: NS_LOST), not only from the containers' exit statuses.
        Assert.Contains($"node {victim} lost (the RM reports it LOST", trial.RestartReason ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // state, task secret and AM URL in HDFS over WebHDFS, as on a real cluster
    public async Task Killed_am_is_replaced_by_a_new_attempt_that_adopts_the_running_trainers(bool hdfsStaging)
    {
        await using var cluster = await StartClusterAsync();
        await using var job = await E2eJob.SubmitAsync(cluster.Cluster, FaultJobs.OneTrial, hdfsStaging: hdfsStaging);
        await job.WaitForStatusAsync("a task at step >= mid-training", AnyTaskAt(MidTraining));
        var firstAm = job.LastTrackingUrl;
        var containers = job.LastStatus!.Clusters.Single().Tasks.Select(t => t.ContainerId).Order().ToList();

        cluster.Cluster.KillAm(job.ApplicationId);

        var report = await job.WaitForEndAsync();
        await AssertSucceededLikeBaselineAsync(job, report);
        Assert.NotEqual(firstAm, job.LastTrackingUrl);
        var trial = job.LastStatus!.Clusters.Single();
        Assert.Equal(0, trial.Generation);
        Assert.Equal(containers, trial.Tasks.Select(t => t.ContainerId).Order().ToList());
    }

    private static Func<AmStatus, bool> AnyTaskAt(long step) => s => s.Clusters.Any(c => c.Tasks.Any(t => t.Step >= step));

    private async Task AssertSucceededLikeBaselineAsync(E2eJob job, Yarn.Rest.Apps.AppReport report)
    {
        Assert.True(report.Succeeded, $"{report.State}/{report.FinalStatus}: {report.Diagnostics}\n{job.Trace()}");
        var expected = await baseline.AccuracyAsync();
        var accuracy = E2eJob.Accuracy(report);
        Assert.True(Math.Abs(accuracy - expected) <= 0.01, $"accuracy {accuracy} vs fault-free {expected}\n{job.Trace()}");
    }

    internal static async Task<OwnedCluster> StartClusterAsync(bool ha = false, TimeSpan? recoveryWait = null) =>
        new(await MiniYarnCluster.StartAsync(new MiniClusterOptions
        {
            Nodes = 3, GpusPerNode = 0, MemoryMbPerNode = 4096, VCoresPerNode = 4, HighAvailability = ha,
            WorkPreservingRecoverySchedulingWait = recoveryWait ?? MiniClusterDefaults.WorkPreservingRecoverySchedulingWait,
        }));

    internal sealed class OwnedCluster(MiniYarnCluster cluster) : IAsyncDisposable
    {
        public MiniYarnCluster Cluster => cluster;

        public ValueTask DisposeAsync() => cluster.DisposeAsync();
    }

    /// <summary>The epoch a trial line shows (<c>… epoch 3 …</c>), or null.</summary>
    private static int? EpochOf(string line)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line, @" epoch (\d+)\b");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
