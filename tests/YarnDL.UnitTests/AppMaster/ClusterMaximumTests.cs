using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Failures;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Rm;
using YarnDL.Spec.Plan;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// The maximum container as the AM knows it: after an RM restart Hadoop's RM registers the AM with its configured maximum,
/// whose yarn.io/gpu reads Long.MAX_VALUE (9223372036854775807) until the NodeManagers re-register; the nodes it then reports
/// in updated_nodes give the real figure. And the causes the RM's node reports give to task losses.
/// </summary>
public sealed class ClusterMaximumTests
{
    private static readonly Capability AfterRestart = new(8192, 4, long.MaxValue);

    [Fact]
    public void Unbounded_gpus_are_unknown_and_never_shown()
    {
        var max = new ClusterMaximum();
        max.Registered(AfterRestart);

        Assert.Equal((8192L, 4, (long?)null), max.Current);
        Assert.Equal("<8192 MB, 4 vcores, unknown GPUs> (unknown until the NodeManagers re-register)", max.ToString());
        Assert.DoesNotContain("9223372036854775807", max.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reregistered_nodes_give_the_largest_nodes_gpus()
    {
        var max = new ClusterMaximum();
        max.Registered(AfterRestart);

        max.Update([Running("n1:8041", 2), Running("n2:8041", 4)]);

        Assert.Equal((8192L, 4, (long?)4), max.Current);
        Assert.Equal("<8192 MB, 4 vcores, 4 GPUs>", max.ToString());
    }

    [Fact]
    public void A_lost_node_no_longer_counts()
    {
        var max = new ClusterMaximum();
        max.Registered(AfterRestart);
        max.Update([Running("n1:8041", 2), Running("n2:8041", 4)]);

        max.Update([new NodeUpdate("n2:8041", "LOST", new Capability(16384, 8, 4), "")]);

        Assert.Equal(2, max.Current.Gpus);
    }

    [Fact]
    public void A_bounded_registration_is_taken_as_it_is()
    {
        var max = new ClusterMaximum();
        max.Registered(new Capability(16384, 8, 2));

        Assert.Equal((16384L, 8, (long?)2), max.Current);
    }

    [Fact]
    public void Capacity_check_skips_gpus_while_unknown_and_checks_them_once_known()
    {
        var plan = new JobPlan { Name = "gpu", Trials = [new TrialPlan { Id = TrialPlan.MainId, Roles = [new RolePlan { Name = "worker", Instances = 1, MemoryMb = 1024, Vcores = 1, Gpus = 8 }] }] };
        var max = new ClusterMaximum();
        max.Registered(AfterRestart);

        Assert.Null(CapacityCheck.Check(plan, max));
        max.Update([Running("n1:8041", 4)]);
        var verdict = CapacityCheck.Check(plan, max);

        Assert.NotNull(verdict);
        Assert.Contains("asks 8 GPUs per container but the largest container this cluster grants has 4", verdict.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LOST", "", "node nm2:8041 lost (the RM reports it LOST: it stopped heartbeating); it ran worker:1")]
    [InlineData("DECOMMISSIONED", "", "node nm2:8041 decommissioned by the cluster admin; it ran worker:1")]
    [InlineData("UNHEALTHY", "1/1 local-dirs usable space is below configured utilization percentage", "node nm2:8041 unhealthy (1/1 local-dirs usable space is below configured utilization percentage); it ran worker:1")]
    public void A_node_report_names_the_cause_of_a_lost_task(string state, string health, string cause)
    {
        var slot = new TaskSlot("worker", 1) { NodeId = "nm2:8041" };
        var report = new NodeUpdate("nm2:8041", state, new Capability(8192, 8, 0), health);

        Assert.Equal(cause, ExitCause.Of(slot, ContainerExitStatus.Aborted, "Container released on a *lost* node", report));
    }

    [Fact]
    public void Without_a_node_report_the_exit_status_names_the_cause()
    {
        var slot = new TaskSlot("worker", 1) { NodeId = "nm2:8041" };

        Assert.Equal("worker:1 preempted by the RM", ExitCause.Of(slot, ContainerExitStatus.Preempted, null, null));
    }

    private static NodeUpdate Running(string id, long gpus) => new(id, "RUNNING", new Capability(16384, 8, gpus), "");
}
