using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>never, on-failure and always, job-wide and per role, as the AM applies them to task exits.</summary>
public sealed class AmRestartPolicyTests
{
    [Fact]
    public async Task Never_fails_the_cluster_at_the_first_code_failure()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(), RestartPolicy.Never, 3));
        var cluster = await f.LaunchedAsync();
        f.Complete((cluster.Find("worker", 0)!.ContainerId!, 1));
        var verdict = await f.Driver.TickAsync(default);

        Assert.True(verdict.Finished);
        Assert.False(verdict.Succeeded);
        Assert.Equal((ClusterState.Failed, 0), (cluster.State, cluster.Restarts));
    }

    [Fact]
    public async Task A_roles_override_decides_for_that_roles_failures_only()
    {
        var plan = Plans.WithRestart(Plans.Job(), RestartPolicy.Never, 2);
        plan = plan with { Trials = [plan.Trials[0] with { Roles = [plan.Trials[0].Roles[0], plan.Trials[0].Roles[1] with { Restart = RestartPolicy.OnFailure }] }] };
        var f = new AmDriverFixture(plan);
        var cluster = await f.LaunchedAsync();

        f.Complete((cluster.Find("worker", 1)!.ContainerId!, 1));
        await f.Driver.TickAsync(default);
        Assert.Equal((1, 1), (cluster.Generation, cluster.Restarts)); // worker: on-failure

        f.GrantAll("n2:45454");
        await f.Driver.TickAsync(default);
        f.Complete((cluster.Find("chief", 0)!.ContainerId!, 1));
        var verdict = await f.Driver.TickAsync(default);
        Assert.True(verdict.Finished); // chief: the job's never
        Assert.Equal(ClusterState.Failed, cluster.State);
    }

    [Fact]
    public async Task Always_starts_a_cluster_again_after_a_clean_exit_until_the_budget_is_spent()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(Plans.Cluster(workers: 0)), RestartPolicy.Always, 1));
        var cluster = await f.LaunchedAsync();

        f.Complete((cluster.Find("chief", 0)!.ContainerId!, 0));
        var first = await f.Driver.TickAsync(default);
        Assert.False(first.Finished);
        Assert.Equal((1, 1, ClusterState.Allocating), (cluster.Generation, cluster.Restarts, cluster.State));

        f.GrantAll("n2:45454");
        await f.Driver.TickAsync(default);
        f.Complete((cluster.Find("chief", 0)!.ContainerId!, 0));
        var second = await f.Driver.TickAsync(default);
        Assert.True(second.Finished);
        Assert.True(second.Succeeded, second.Diagnostics);
    }

    [Fact]
    public async Task On_failure_does_not_restart_a_clean_exit()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(Plans.Cluster(workers: 0)), RestartPolicy.OnFailure, 3));
        var cluster = await f.LaunchedAsync();
        f.Complete((cluster.Find("chief", 0)!.ContainerId!, 0));
        var verdict = await f.Driver.TickAsync(default);

        Assert.True(verdict.Succeeded, verdict.Diagnostics);
        Assert.Equal(0, cluster.Restarts);
    }
}
