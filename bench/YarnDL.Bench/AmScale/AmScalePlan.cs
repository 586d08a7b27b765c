using YarnDL.AppMaster.Plan;

namespace YarnDL.Bench.AmScale;

/// <summary>containers/10 trial clusters of one chief + 9 workers (1 GiB, 1 vcore each), all in parallel.</summary>
internal static class AmScalePlan
{
    public static JobPlan Create(int containers) => new()
    {
        Name = "am-scale",
        Clusters = [.. Enumerable.Range(0, containers / 10).Select(i => new ClusterPlan
        {
            Id = $"trial-{i:D4}",
            Roles = [new RolePlan { Name = "chief" }, new RolePlan { Name = "worker", Instances = 9 }],
        })],
        Sweep = new SweepPlan { Parallel = containers / 10 },
    };
}
