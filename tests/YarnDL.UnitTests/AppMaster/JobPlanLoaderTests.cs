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
}

