using System.Text.Json;
using YarnDL.AppMaster.Clusters;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class ClusterSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_IsPendingUntilEveryTaskRegistered_ThenGivesTheSpec()
    {
        var s = new ClusterSession(Plans.Cluster(workers: 2), 16);
        var p1 = s.Register(new TaskIdentity("main", "worker", 1, 0), "h2", 2002, Now);
        var p2 = s.Register(new TaskIdentity("main", "chief", 0, 0), "h0", 2000, Now);
        Assert.Equal(new RegistrationOutcome.Pending(1, 3), p1);
        Assert.Equal(new RegistrationOutcome.Pending(2, 3), p2);
        Assert.False(s.WhenRegistered().IsCompleted);

        var done = Assert.IsType<RegistrationOutcome.Complete>(s.Register(new TaskIdentity("main", "worker", 0, 0), "h1", 2001, Now));
        Assert.True(s.WhenRegistered().IsCompletedSuccessfully);
        Assert.Equal(["h1:2001", "h2:2002"], done.Spec.Cluster["worker"]);
        Assert.Equal(1, done.Spec.Rank);
        Assert.Equal(3, done.Spec.WorldSize);
        Assert.Equal("h0", done.Spec.MasterAddr);
        Assert.Equal(2000, done.Spec.MasterPort);
        Assert.False(done.Spec.ResumeFromCheckpoint);
        using var tf = JsonDocument.Parse(done.Spec.TfConfig);
        Assert.Equal("worker", tf.RootElement.GetProperty("task").GetProperty("type").GetString());
        Assert.Equal(0, tf.RootElement.GetProperty("task").GetProperty("index").GetInt32());

        var chief = Assert.IsType<RegistrationOutcome.Complete>(s.Poll(new TaskIdentity("main", "chief", 0, 0)));
        Assert.Equal(0, chief.Spec.Rank);
    }

    [Fact]
    public void Restart_BumpsGeneration_StaleTasksGet409AndStop_AndSpecSaysResume()
    {
        var s = new ClusterSession(Plans.Cluster(workers: 0), 16);
        var old = s.WhenRegistered();
        s.Restart(countsAgainstBudget: true);
        Assert.True(old.IsCanceled);
        Assert.Equal(1, s.Generation);
        Assert.Equal(1, s.Restarts);
        Assert.Equal(new RegistrationOutcome.Stale(1), s.Register(new TaskIdentity("main", "chief", 0, 0), "h", 1, Now));
        Assert.Equal(TaskCommand.Stop, s.Heartbeat(new HeartbeatRequest(new TaskIdentity("main", "chief", 0, 0), 1, 0, new Dictionary<string, double>(), -1), Now));
        var spec = Assert.IsType<RegistrationOutcome.Complete>(s.Register(new TaskIdentity("main", "chief", 0, 1), "h", 1, Now));
        Assert.True(spec.Spec.ResumeFromCheckpoint);
    }

    [Fact]
    public void Heartbeat_DeliversCheckpointOnce_RecordsRankZeroCurve_AndDetectsHangs()
    {
        var s = new ClusterSession(Plans.Cluster(workers: 1), 16);
        var chief = new TaskIdentity("main", "chief", 0, 0);
        var worker = new TaskIdentity("main", "worker", 0, 0);
        s.Register(chief, "h0", 1, Now);
        s.Register(worker, "h1", 1, Now);
        s.Command(TaskCommand.Checkpoint);
        var metrics = new Dictionary<string, double> { ["loss"] = 0.5 };
        Assert.Equal(TaskCommand.Checkpoint, s.Heartbeat(new HeartbeatRequest(chief, 10, 0, metrics, -1), Now));
        Assert.Equal(TaskCommand.None, s.Heartbeat(new HeartbeatRequest(chief, 20, 0, metrics, 10), Now.AddSeconds(30)));
        Assert.Equal(TaskCommand.Checkpoint, s.Heartbeat(new HeartbeatRequest(worker, 10, 0, metrics, -1), Now));
        Assert.Equal([10L, 20L], s.History.Select(p => p.Step));
        var hung = Assert.Single(s.Hung(Now.AddSeconds(61), TimeSpan.FromSeconds(60)));
        Assert.Equal("worker", hung.Role);
    }

    [Fact]
    public void Hung_LeavesOutATaskThatReportedSuccess_NotOneThatReportedFailure()
    {
        var s = new ClusterSession(Plans.Cluster(workers: 1), 16);
        var chief = new TaskIdentity("main", "chief", 0, 0);
        var worker = new TaskIdentity("main", "worker", 0, 0);
        s.Register(chief, "h0", 1, Now);
        s.Register(worker, "h1", 1, Now);
        var metrics = new Dictionary<string, double> { ["loss"] = 0.1 };
        s.Result(new ResultRequest(chief, true, metrics, "finished"));
        s.Result(new ResultRequest(worker, false, metrics, "diverged"));
        var hung = Assert.Single(s.Hung(Now.AddMinutes(5), TimeSpan.FromSeconds(60)));
        Assert.Equal("worker", hung.Role);
    }

    [Fact]
    public void Result_is_kept_as_the_tasks_report_not_as_its_containers_end()
    {
        var s = new ClusterSession(Plans.Cluster(workers: 0), 16);
        var chief = new TaskIdentity("main", "chief", 0, 0);
        s.Register(chief, "h0", 1, Now);

        s.Result(new ResultRequest(chief, false, new Dictionary<string, double>(), "exit code 3"));

        var slot = Assert.Single(s.Slots);
        Assert.Equal(new TaskReport(false, "exit code 3"), slot.Report);
        Assert.Null(slot.ExitReason);
        Assert.Equal(TaskState.Registered, slot.State);
    }
}

