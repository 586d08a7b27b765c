using YarnDL.AppMaster.Web;
using YarnDL.TaskProtocol;
using YarnDL.Tracking;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The AM's status document says that a task reported its result apart from how its container ended, so a view can
/// show the task as finished while its container is still ending.</summary>
public sealed class StatusSnapshotTests
{
    [Fact]
    public void A_task_that_reported_its_exit_carries_the_result_while_its_container_still_runs()
    {
        var state = TrackingPageState.SweepInFlight();
        var trial = state.Sessions[2];
        var chief = trial.Slots.Single(s => s.Role == "chief");
        trial.Result(new ResultRequest(new TaskIdentity(trial.Id, chief.Role, chief.Index, trial.Generation), true, new Dictionary<string, double>(), "exit code 0"));

        var doc = StatusSnapshot.Take(state, TrackingPageState.Now);

        var task = doc.Clusters.Single(c => c.Id == trial.Id).Tasks.Single(t => t.Role == "chief");
        Assert.Equal("RUNNING", task.State);
        Assert.Equal(new AmTaskResult { Succeeded = true, Message = "exit code 0" }, task.Result);
        Assert.Null(task.ExitReason);
        Assert.Equal("SUCCEEDED, exit code 0", AmStatusText.TaskStateAndResult(task));
        Assert.Equal("exit code 0", AmStatusText.TaskExit(task));
    }

    [Fact]
    public void A_task_that_reported_nothing_keeps_the_ams_state_and_its_containers_end()
    {
        var task = new AmTaskStatus { Role = "worker", Index = 0, State = "FAILED", ExitReason = "worker:0 on n1 (c1) exited 1" };

        Assert.Equal("FAILED", AmStatusText.TaskStateAndResult(task));
        Assert.Equal("worker:0 on n1 (c1) exited 1", AmStatusText.TaskExit(task));
        Assert.Null(AmStatusText.TaskExit(task with { ExitReason = null }));
    }
}
