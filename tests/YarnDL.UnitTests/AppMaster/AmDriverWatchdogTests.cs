using YarnDL.Spec.Model;
using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Rm;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmDriverWatchdogTests
{
    [Fact]
    public async Task NodeThatKeepsFailing_IsBlacklisted()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(Plans.Cluster(workers: 0)), RestartPolicy.OnFailure, 5));
        await f.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            f.GrantAll("bad:45454");
            await f.Driver.TickAsync(default);
            f.Complete((f.LiveContainers().Single(), 1));
            await f.Driver.TickAsync(default);
        }

        await f.Driver.TickAsync(default);
        Assert.Contains("bad", f.Rm.Calls.SelectMany(c => c.BlacklistAdditions));
        Assert.Equal(3, f.State.ById["main"].Restarts);
    }

    [Fact]
    public async Task SilentTask_IsTreatedAsHung()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(Plans.Cluster(workers: 0)), RestartPolicy.OnFailure, 1));
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var cluster = f.State.ById["main"];
        cluster.Register(new TaskIdentity("main", "chief", 0, 0), "h", 1, f.Time.GetUtcNow());
        f.Time.Advance(TimeSpan.FromSeconds(61));
        await f.Driver.TickAsync(default);
        Assert.Equal(1, cluster.Restarts);
        Assert.Single(f.Nms.Stopped);
    }

    [Fact]
    public async Task TaskThatReportedSuccess_IsNotHung_WhileItsContainerEndIsUnknown()
    {
        // A real RM restart can outlast the heartbeat timeout: the trainer finishes, posts its result and exits, and the
        // container's completion only reaches the AM once the RM is back and the NodeManager has re-registered.
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(Plans.Cluster(workers: 0)), RestartPolicy.OnFailure, 1));
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var cluster = f.State.ById["main"];
        var chief = new TaskIdentity("main", "chief", 0, 0);
        cluster.Register(chief, "h", 1, f.Time.GetUtcNow());
        cluster.Result(new ResultRequest(chief, true, new Dictionary<string, double> { ["val_accuracy"] = 0.97 }, "finished"));
        f.Time.Advance(TimeSpan.FromMinutes(5));
        await f.Driver.TickAsync(default);
        Assert.Equal(0, cluster.Restarts);
        Assert.Empty(f.Nms.Stopped);

        f.Complete((f.LiveContainers().Single(), 0));
        var verdict = await f.Driver.TickAsync(default);
        Assert.True(verdict.Finished);
        Assert.Equal(ClusterState.Succeeded, cluster.State);
    }

    [Fact]
    public async Task RegistrationDeadline_FailsTheTaskThatNeverRegistered()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(), RestartPolicy.Never) with
        {
            Deadlines = new DeadlinePlan { Registration = TimeSpan.FromMinutes(1) },
        });
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var cluster = f.State.ById["main"];
        cluster.Register(new TaskIdentity("main", "chief", 0, 0), "h", 1, f.Time.GetUtcNow());
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var verdict = await f.Driver.TickAsync(default);
        Assert.True(verdict.Finished);
        Assert.Contains("worker:0 on n1:45454", verdict.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("did not register within", verdict.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void HadoopExceptionNames_MapToTheClientsExceptions()
    {
        Assert.IsType<RmNotRegisteredException>(RmExceptionMapper.Map("org.apache.hadoop.yarn.exceptions.ApplicationMasterNotRegisteredException", "x"));
        Assert.IsType<RmAttemptGoneException>(RmExceptionMapper.Map("org.apache.hadoop.yarn.exceptions.ApplicationAttemptNotFoundException", "x"));
        Assert.Null(RmExceptionMapper.Map("org.apache.hadoop.yarn.exceptions.InvalidResourceRequestException", "x"));
    }

    [Fact]
    public async Task LostEvaluator_IsRelaunchedAlone_WithoutRestartingTraining()
    {
        var plan = Plans.Job(Plans.Cluster(workers: 1) with
        {
            Roles = [.. Plans.Cluster(workers: 1).Roles, new RolePlan { Name = "evaluator", Instances = 1 }],
        });
        var f = new AmDriverFixture(plan);
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var cluster = f.State.ById["main"];
        var evaluator = cluster.Find("evaluator", 0)!.ContainerId!;
        f.Complete((evaluator, -100));
        await f.Driver.TickAsync(default);
        Assert.Equal(0, cluster.Generation);
        Assert.Empty(f.Nms.Stopped);

        f.GrantAll("n2:45454");
        await f.Driver.TickAsync(default);
        var again = cluster.Find("evaluator", 0)!;
        Assert.NotEqual(evaluator, again.ContainerId);
        Assert.Equal("n2:45454", again.NodeId);
        Assert.Equal("0", f.Nms.Started[again.ContainerId!].Environment[TaskEnv.Generation]);
    }
}

