using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Trials;
using YarnDL.Spec.Plan;

namespace YarnDL.AppMaster.Job;

/// <summary>Fails fast when a role asks more than the RM's maximum container (the RM would reject every allocate); a resource
/// whose maximum is unknown (null, see <see cref="ClusterMaximum"/>) is not checked.</summary>
internal static class CapacityCheck
{
    public static JobVerdict? Check(JobPlan plan, ClusterMaximum maximum) => Check(plan, maximum.Current);

    public static JobVerdict? Check(JobPlan plan, (long? MemoryMb, int? Vcores, long? Gpus) max)
    {
        var problems = plan.Trials.SelectMany(c => c.Roles)
            .DistinctBy(r => (r.Name, r.MemoryMb, r.Vcores, r.Gpus))
            .SelectMany(r => Violations(r, max))
            .Distinct()
            .ToList();
        return problems.Count == 0 ? null : new JobVerdict(true, false, string.Join("; ", problems));
    }

    private static IEnumerable<string> Violations(RolePlan r, (long? MemoryMb, int? Vcores, long? Gpus) max)
    {
        if (r.Gpus > max.Gpus)
        {
            yield return $"role '{r.Name}' asks {r.Gpus} GPUs per container but the largest container this cluster grants has {max.Gpus}";
        }

        if (r.MemoryMb > max.MemoryMb)
        {
            yield return $"role '{r.Name}' asks {r.MemoryMb} MB but the maximum allocation is {max.MemoryMb} MB";
        }

        if (r.Vcores > max.Vcores)
        {
            yield return $"role '{r.Name}' asks {r.Vcores} vcores but the maximum allocation is {max.Vcores}";
        }
    }
}
