using YarnDL.AppMaster.Plan;

namespace YarnDL.UnitTests.AppMaster;

public sealed class JobPlanLoaderTests
{
    [Fact]
    public void RoundTrips_AndAppliesDefaults()
    {
        var plan = JobPlanLoader.Parse("""
            {"name":"j","clusters":[{"id":"main","roles":[{"name":"worker","instances":2,"gpus":1}]}],
             "sweep":{"parallel":2,"objectiveMetric":"val_accuracy","goal":"minimize"},"restart":{"policy":"never"}}
            """);
        Assert.Equal(2, plan.Clusters[0].TaskCount);
        Assert.Equal(1024, plan.Clusters[0].Roles[0].MemoryMb);
        Assert.Equal(ObjectiveGoal.Minimize, plan.Sweep.Goal);
        Assert.Equal(RestartPolicy.Never, plan.Restart.Policy);
        Assert.Equal(plan.Name, JobPlanLoader.Parse(JobPlanLoader.Serialize(plan)).Name);
    }

    [Fact]
    public void ReportsEveryViolationTogether()
    {
        var e = Assert.Throws<PlanException>(() => JobPlanLoader.Parse("""
            {"name":"j","sweep":{"parallel":0},"clusters":[{"id":"a","roles":[{"name":"w","instances":0}]},{"id":"a","roles":[]}]}
            """));
        Assert.Equal(4, e.Problems.Count);
    }

    [Fact]
    public void RejectsUnknownKeys() =>
        Assert.Throws<PlanException>(() => JobPlanLoader.Parse("""{"name":"j","clusters":[],"bogus":1}"""));

    [Fact]
    public void TheExamplePlan_Loads()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "YarnDL.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        var plan = JobPlanLoader.Load(Path.Combine(dir, "src", "YarnDL.AppMaster", "Plan", "plan.example.json"));
        Assert.Equal(2, plan.Clusters.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Deadlines.Allocation);
        Assert.True(plan.Sweep.EarlyStopping);
        Assert.Equal("gpu", plan.NodeLabel);
    }

    [Fact]
    public void Node_attributes_round_trip_and_bad_ones_or_mixed_operators_with_a_label_are_refused()
    {
        var plan = JobPlanLoader.Parse("""
            {"name":"j","clusters":[{"id":"main","roles":[{"name":"worker","nodeAttributes":["nm.yarn.io/gpu-model=A100","rm.yarn.io/os!=centos7"]}]}]}
            """);
        Assert.Equal(["nm.yarn.io/gpu-model=A100", "rm.yarn.io/os!=centos7"], JobPlanLoader.Parse(JobPlanLoader.Serialize(plan)).Clusters[0].Roles[0].NodeAttributes);

        var e = Assert.Throws<PlanException>(() => JobPlanLoader.Parse("""
            {"name":"j","nodeLabel":"gpu","clusters":[{"id":"main","roles":[{"name":"worker","nodeAttributes":["x.io/a=1","gpu-model=A100","os!=centos7"]}]}]}
            """));
        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("bad node attribute prefix 'x.io'", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains("mixing '=' and '!=' cannot be combined with nodeLabel 'gpu'", e.Problems[1], StringComparison.Ordinal);
    }
}
