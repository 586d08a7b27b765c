using YarnDL.Spec.Model;
using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Trials;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class TrialSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<ClusterSession> Trials(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new ClusterSession(
            Plans.Cluster($"trial-{i:D4}", workers: 0, hparams: new() { ["lr"] = $"0.{i + 1}" }), 16 * (i + 1)))];

    [Fact]
    public void ToStart_RespectsParallel()
    {
        var trials = Trials(5);
        var s = new TrialScheduler(trials, new SweepPlan { Parallel = 2, MaxFailedTrials = 5 });
        var first = s.ToStart();
        Assert.Equal(["trial-0000", "trial-0001"], first.Select(c => c.Id));
        foreach (var c in first)
        {
            c.State = ClusterState.Allocating;
        }

        Assert.Empty(s.ToStart());
        trials[0].Finish(ClusterState.Failed);
        Assert.Equal("trial-0002", Assert.Single(s.ToStart()).Id);
    }

    [Fact]
    public void Verdict_FailsWhenMoreThanMaxFailedTrials_NamingTheFailures()
    {
        var trials = Trials(3);
        var s = new TrialScheduler(trials, new SweepPlan { Parallel = 3, MaxFailedTrials = 1 });
        trials[0].FailureReason = "chief:0 on n1:45454 (c1) exited 1";
        trials[0].Finish(ClusterState.Failed);
        Assert.False(s.Verdict().Finished);
        trials[1].FailureReason = "worker:0 exited 2";
        trials[1].Finish(ClusterState.Failed);
        var v = s.Verdict();
        Assert.True(v.Finished);
        Assert.False(v.Succeeded);
        Assert.Contains("chief:0 on n1:45454 (c1) exited 1", v.Diagnostics, StringComparison.Ordinal);
        Assert.Empty(s.ToStart());
    }

    [Fact]
    public void Best_RanksByObjectiveAndGoal_AndVerdictReportsIt()
    {
        var trials = Trials(3);
        var sweep = new SweepPlan { Parallel = 3, MaxFailedTrials = 0, ObjectiveMetric = "val_accuracy" };
        var s = new TrialScheduler(trials, sweep);
        for (var i = 0; i < 3; i++)
        {
            trials[i].Finish(ClusterState.Succeeded, new Dictionary<string, double> { ["val_accuracy"] = new[] { 0.9, 0.95, 0.8 }[i] });
        }

        Assert.Equal("trial-0001", s.Best()?.Id);
        Assert.Contains("best trial trial-0001 val_accuracy=0.95 {lr=0.2}", s.Verdict().Diagnostics, StringComparison.Ordinal);
        Assert.Equal("trial-0002", new TrialScheduler(trials, sweep with { Goal = ObjectiveGoal.Minimize }).Best()?.Id);
    }

    [Fact]
    public void Verdict_without_an_objective_names_the_trial_by_its_accuracy_and_lists_every_trial()
    {
        var trials = Trials(2);
        var s = new TrialScheduler(trials, new SweepPlan { Parallel = 2, MaxFailedTrials = 1 });
        trials[0].Finish(ClusterState.Succeeded, new Dictionary<string, double> { ["val_accuracy"] = 0.97 });
        trials[1].Finish(ClusterState.Failed);

        var lines = s.WithTrials(s.Verdict().Diagnostics).Split('\n');

        Assert.StartsWith("best trial trial-0000 val_accuracy=0.97 {lr=0.1}", lines[0], StringComparison.Ordinal);
        Assert.Equal(["trial trial-0000 SUCCEEDED epoch=0 val_accuracy=0.97 {lr=0.1}", "trial trial-0001 FAILED epoch=0 {lr=0.2}"], lines[1..]);
    }

    [Fact]
    public void MedianRule_StopsATrialWorseThanTheMedianAtTheSameStep()
    {
        var trials = Trials(4);
        var sweep = new SweepPlan { Parallel = 4, ObjectiveMetric = "val_accuracy", EarlyStopping = true, EarlyStoppingMinTrials = 3, EarlyStoppingGraceSteps = 100 };
        double[] values = [0.9, 0.9, 0.9, 0.5];
        for (var i = 0; i < 4; i++)
        {
            var chief = new TaskIdentity(trials[i].Id, "chief", 0, 0);
            trials[i].Register(chief, "h", 1, Now);
            trials[i].Heartbeat(new HeartbeatRequest(chief, 200, 1, new Dictionary<string, double> { ["val_accuracy"] = values[i] }, -1), Now);
        }

        var s = new TrialScheduler(trials, sweep);
        Assert.Equal("trial-0003", Assert.Single(s.ToStopEarly()).Id);
        Assert.Empty(new TrialScheduler(trials, sweep with { EarlyStoppingGraceSteps = 500 }).ToStopEarly());
    }
}
