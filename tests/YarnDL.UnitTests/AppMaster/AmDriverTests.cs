using YarnDL.Spec.Placement;
using YarnDL.Spec.Model;
using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Rm;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmDriverTests
{
    [Fact]
    public async Task HappyPath_AsksPerRole_LaunchesEveryTask_AndSucceeds()
    {
        var f = new AmDriverFixture(Plans.Job());
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);

        var asks = f.Rm.Calls[0].Asks.OrderBy(a => a.Key.Priority).ToList();
        Assert.Equal([new AskKey(16, 16), new AskKey(17, 17)], asks.Select(a => a.Key));
        Assert.Equal([1, 2], asks.Select(a => a.NumContainers));
        Assert.Equal(1, asks[0].Capability.Gpus);
        Assert.Equal(3, f.Nms.Started.Count);
        Assert.Equal(ClusterState.Running, f.State.ById["main"].State);
        Assert.Null(f.State.Waiting);

        f.Complete([.. f.LiveContainers().Select(c => (c, 0))]);
        var verdict = await f.Driver.TickAsync(default);
        Assert.True(verdict.Finished);
        Assert.True(verdict.Succeeded);
    }

    [Fact]
    public async Task A_role_with_node_attributes_asks_with_a_tagged_placement_and_the_others_stay_plain_asks()
    {
        var cluster = Plans.Cluster();
        cluster = cluster with { Roles = [cluster.Roles[0], cluster.Roles[1] with { NodeAttributes = [NodeAttributeExpression.Parse("nm.yarn.io/gpu-model=A100"), NodeAttributeExpression.Parse("rm.yarn.io/os!=centos7")] }] };
        var f = new AmDriverFixture(Plans.Job(cluster));
        await f.RegisterAsync();
        f.GrantAll();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        await f.Driver.TickAsync(default);

        // One allocate carries either the plain asks or the constrained ones (the CapacityScheduler drops a call's
        // SchedulingRequests when its ResourceRequests change anything).
        Assert.All(f.Rm.Calls, c => Assert.True(c.Asks.All(a => a.Placement is null) || c.Asks.All(a => a.Placement is not null)));
        var asks = f.Rm.Calls.Take(2).SelectMany(c => c.Asks).ToDictionary(a => a.Key);
        Assert.Null(asks[new AskKey(16, 16)].Placement);
        var worker = asks[new AskKey(17, 17)].Placement!;
        Assert.Equal("yarndl.main.worker", worker.Tag);
        Assert.False(worker.AntiAffinity);
        Assert.Equal(["nm.yarn.io/gpu-model=A100", "rm.yarn.io/os!=centos7"], worker.NodeAttributes.Select(a => a.ToString()));
        Assert.Equal(3, f.Nms.Started.Count);
    }

    [Fact]
    public async Task Containers_of_one_heartbeat_are_started_concurrently_and_a_refusal_among_them_is_asked_again()
    {
        var f = new AmDriverFixture(Plans.Job());
        await f.RegisterAsync();
        f.GrantAll();
        f.Nms.Refuse.Add("c2");
        f.Nms.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tick = f.Driver.TickAsync(default);
        Assert.Equal(2, f.Nms.InFlight); // c1 and c3 wait on their NMs at once; c2 was refused at once
        f.Nms.Hold.SetResult();
        await tick;

        Assert.Equal(2, f.Nms.MaxInFlight);
        Assert.Equal(["c1", "c3"], f.Nms.Started.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ClusterState.Allocating, f.State.ById["main"].State);
        Assert.Equal(1, f.Client.Outstanding(new AskKey(16, 16)) + f.Client.Outstanding(new AskKey(17, 17)));
    }

    [Fact]
    public async Task CodeFailure_UsesTheRestartBudget_ThenFailsNamingTheTask()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(), RestartPolicy.OnFailure, 1));
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var worker = f.State.ById["main"].Find("worker", 0)!.ContainerId!;
        f.Complete((worker, 1));
        await f.Driver.TickAsync(default);

        var cluster = f.State.ById["main"];
        Assert.Equal(1, cluster.Generation);
        Assert.Equal(1, cluster.Restarts);
        Assert.Equal(2, f.Nms.Stopped.Count);
        Assert.Equal(3, f.Client.Outstanding(new AskKey(16, 16)) + f.Client.Outstanding(new AskKey(17, 17)));

        f.GrantAll("n2:45454");
        await f.Driver.TickAsync(default);
        Assert.Equal("1", f.Nms.Started[cluster.Find("chief", 0)!.ContainerId!].Environment[TaskEnv.Generation]);
        var again = cluster.Find("worker", 1)!.ContainerId!;
        f.Complete((again, 3));
        var verdict = await f.Driver.TickAsync(default);

        Assert.True(verdict.Finished);
        Assert.False(verdict.Succeeded);
        Assert.Contains($"worker:1 on n2:45454 ({again}) exited 3: boom (after 1 restarts)", verdict.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfrastructureLoss_RestartsWithoutUsingTheBudget()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(), RestartPolicy.OnFailure, 0));
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        f.Complete((f.State.ById["main"].Find("chief", 0)!.ContainerId!, -100));
        var verdict = await f.Driver.TickAsync(default);
        Assert.False(verdict.Finished);
        Assert.Equal(1, f.State.ById["main"].Generation);
        Assert.Equal(0, f.State.ById["main"].Restarts);
        Assert.Equal("waiting for 3 GPUs (3 containers)", f.State.Waiting);
    }

    [Fact]
    public async Task A_peer_crashing_while_its_partner_is_preempted_does_not_use_the_restart_budget()
    {
        var f = new AmDriverFixture(Plans.Job());
        var cluster = await f.LaunchedAsync();
        var victim = cluster.Find("worker", 0)!.ContainerId!;
        var peer = cluster.Find("worker", 1)!.ContainerId!;
        f.Preempt(victim);
        await f.Driver.TickAsync(default);

        // The peer loses its ring link and exits 1 before the victim's -102 arrives; then both land in one heartbeat order.
        f.Complete((peer, 1));
        await f.Driver.TickAsync(default);

        Assert.Equal((1, 0), (cluster.Generation, cluster.Restarts));
    }

    [Fact]
    public async Task Infrastructure_losses_of_one_heartbeat_are_handled_before_code_failures()
    {
        var f = new AmDriverFixture(Plans.Job());
        var cluster = await f.LaunchedAsync();

        f.Complete((cluster.Find("worker", 1)!.ContainerId!, 1), (cluster.Find("worker", 0)!.ContainerId!, -100));
        await f.Driver.TickAsync(default);

        Assert.Equal((1, 0), (cluster.Generation, cluster.Restarts));
    }

    [Fact]
    public async Task Preemption_AsksForACheckpoint_ThenReleasesAfterTheGrace()
    {
        var f = new AmDriverFixture(Plans.Job());
        var cluster = await f.LaunchedAsync();
        var victim = cluster.Find("worker", 0)!.ContainerId!;
        foreach (var s in cluster.Slots)
        {
            cluster.Register(new TaskIdentity("main", s.Role, s.Index, 0), "h", 1, f.Time.GetUtcNow());
        }

        f.Preempt(victim);
        await f.Driver.TickAsync(default);
        Assert.Equal(TaskCommand.Checkpoint, cluster.Heartbeat(new HeartbeatRequest(new TaskIdentity("main", "worker", 0, 0), 5, 0, new Dictionary<string, double>(), 5), f.Time.GetUtcNow()));
        Assert.Equal(0, cluster.Generation);

        f.Time.Advance(TimeSpan.FromSeconds(16));
        await f.Driver.TickAsync(default);
        Assert.Equal(1, cluster.Generation);
        Assert.Equal(0, cluster.Restarts);
        await f.Driver.TickAsync(default);
        Assert.Contains(victim, f.Rm.Calls.SelectMany(c => c.Releases));
    }

    [Fact]
    public async Task AllocationDeadline_ReleasesAPartialCluster_AndAsksAgain()
    {
        var f = new AmDriverFixture(Plans.Job() with { Deadlines = new DeadlinePlan { Allocation = TimeSpan.FromMinutes(1) } });
        await f.RegisterAsync();
        f.Rm.Script.Enqueue(call => new AllocateResult { Allocated = [FakeResourceManager.Container("c1", new AskKey(16, 16))] });
        await f.Driver.TickAsync(default);
        Assert.Equal("waiting for 2 GPUs (2 containers)", f.State.Waiting);

        f.Time.Advance(TimeSpan.FromMinutes(2));
        await f.Driver.TickAsync(default);
        await f.Driver.TickAsync(default);
        Assert.Contains("c1", f.Nms.Stopped);
        Assert.Contains("c1", f.Rm.Calls[^1].Releases);
        Assert.Equal(1, f.State.ById["main"].Generation);
        Assert.Equal("waiting for 3 GPUs (3 containers)", f.State.Waiting);
    }

    [Fact]
    public async Task AllocationDeadline_TwiceInARow_FailsTheJobWithWhatItWaitedFor()
    {
        var f = new AmDriverFixture(Plans.Job() with { Deadlines = new DeadlinePlan { Allocation = TimeSpan.FromMinutes(1) } });
        await f.RegisterAsync();
        await f.Driver.TickAsync(default);

        f.Time.Advance(TimeSpan.FromMinutes(2));
        await f.Driver.TickAsync(default);
        Assert.StartsWith("3 of 3 containers not allocated within deadlines.allocation (00:01:00); the partial cluster is released", f.State.ById["main"].RestartReason, StringComparison.Ordinal);
        Assert.EndsWith("restarting from epoch 0 (no checkpoint written yet)", f.State.ById["main"].RestartReason, StringComparison.Ordinal);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var verdict = await f.Driver.TickAsync(default);

        Assert.True(verdict.Finished && !verdict.Succeeded);
        Assert.Contains("3 of 3 containers not allocated within deadlines.allocation (00:01:00), twice in a row (waiting for 3 GPUs (3 containers)): the running nodes cannot hold them", verdict.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RunsAtMostParallelTrials_AndAFailingTrialLeavesSiblingsAlone()
    {
        var plan = Plans.WithRestart(Plans.Job(Plans.Cluster("t0", workers: 0), Plans.Cluster("t1", workers: 0), Plans.Cluster("t2", workers: 0)), RestartPolicy.Never) with
        {
            Sweep = new SweepPlan { Parallel = 2, MaxFailedTrials = 1 },
        };
        var f = new AmDriverFixture(plan);
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        Assert.Equal(2, f.Nms.Started.Count);
        Assert.Equal(ClusterState.Queued, f.State.ById["t2"].State);

        f.Complete((f.LiveContainers("t0").Single(), 1));
        await f.Driver.TickAsync(default);
        Assert.Equal(ClusterState.Failed, f.State.ById["t0"].State);
        await f.Driver.TickAsync(default);
        Assert.Equal(ClusterState.Running, f.State.ById["t1"].State);
        Assert.Equal(ClusterState.Allocating, f.State.ById["t2"].State);
        Assert.Empty(f.Nms.Stopped);
    }

    [Fact]
    public async Task TransportFailure_IsRetriedWithTheSameResponseIdAndAsks()
    {
        var f = new AmDriverFixture(Plans.Job());
        await f.RegisterAsync();
        f.Rm.ThrowNext = new IOException("connection reset");
        var verdict = await f.Driver.TickAsync(default);
        Assert.False(verdict.Finished);
        Assert.Empty(f.Rm.Calls);

        await f.Driver.TickAsync(default);
        var call = Assert.Single(f.Rm.Calls);
        Assert.Equal(0, call.ResponseId);
        Assert.Equal(3, call.Asks.Sum(a => a.NumContainers));
    }

    [Fact]
    public async Task AttemptGone_EndsTheJobWithoutUnregistering()
    {
        var f = new AmDriverFixture(Plans.Job());
        await f.RegisterAsync();
        f.Rm.ThrowNext = new RmAttemptGoneException("attempt not found");
        var run = await f.Driver.RunAsync(default);
        Assert.False(run.Succeeded);
        Assert.Contains("attempt not found", run.Diagnostics, StringComparison.Ordinal);
        Assert.Empty(f.Rm.Finishes);
    }
}
