using YarnDL.Spec.Plan;

namespace YarnDL.Bench.AmScale;

/// <summary>containers/10 trial clusters of one chief + 9 workers (1 GiB, 1 vcore each), all in parallel.</summary>
internal static class AmScalePlan
{
    public static JobPlan Create(int containers) => new()
    {
        Name = "am-scale",
        Trials = [.. Enumerable.Range(0, containers / 10).Select(i => new TrialPlan
        {
            Id = TrialPlan.IdOf(i),
            Index = i,
            Roles = [new RolePlan { Name = "chief", MemoryMb = 1024 }, new RolePlan { Name = "worker", Instances = 9, MemoryMb = 1024 }],
        })],
        Sweep = new SweepPlan { Parallel = containers / 10 },
    };
}
