using System.Text.Json;
using System.Text.Json.Serialization;

namespace YarnDL.AppMaster.Plan;

/// <summary>Reads a <see cref="JobPlan"/> from JSON and checks the cross-field rules once.</summary>
internal static class JobPlanLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static JobPlan Load(string path) => Parse(File.ReadAllText(path), path);

    public static JobPlan Parse(string json, string source = "plan")
    {
        JobPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<JobPlan>(json, Options);
        }
        catch (JsonException e)
        {
            throw new PlanException(source, [e.Message], e);
        }

        if (plan is null)
        {
            throw new PlanException(source, ["the plan is empty"]);
        }

        var problems = Validate(plan).ToList();
        return problems.Count == 0 ? plan : throw new PlanException(source, problems);
    }

    public static string Serialize(JobPlan plan) => JsonSerializer.Serialize(plan, Options);

    private static IEnumerable<string> Validate(JobPlan plan)
    {
        if (plan.Clusters.Count == 0)
        {
            yield return "at least one cluster is required";
        }

        if (plan.Sweep.Parallel < 1)
        {
            yield return $"sweep.parallel must be >= 1 (got {plan.Sweep.Parallel})";
        }

        if (plan.Sweep.MaxFailedTrials < 0 || plan.Restart.MaxRestarts < 0)
        {
            yield return "max-failed-trials and max-restarts must be >= 0";
        }

        foreach (var dup in plan.Clusters.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"cluster id '{dup.Key}' is used twice";
        }

        foreach (var c in plan.Clusters)
        {
            if (c.Roles.Count == 0)
            {
                yield return $"cluster '{c.Id}' has no roles";
            }

            foreach (var r in c.Roles.Where(r => r.Instances < 1 || r.MemoryMb < 1 || r.Vcores < 1 || r.Gpus < 0))
            {
                yield return $"cluster '{c.Id}' role '{r.Name}': instances, memory and vcores must be >= 1 and gpus >= 0";
            }

            foreach (var problem in c.Roles.SelectMany(r => NodeAttributeProblems(plan, c, r)))
            {
                yield return problem;
            }
        }
    }

    /// <summary>Each expression parses; mixed operators cannot carry the node label (the CapacityScheduler reads it only from a single constraint).</summary>
    private static IEnumerable<string> NodeAttributeProblems(JobPlan plan, ClusterPlan c, RolePlan r)
    {
        var parsed = new List<Spec.Placement.NodeAttributeExpression>();
        foreach (var text in r.NodeAttributes)
        {
            if (Spec.Placement.NodeAttributeExpression.TryParse(text, out var e, out var problem))
            {
                parsed.Add(e!);
            }
            else
            {
                yield return $"cluster '{c.Id}' role '{r.Name}': {problem}";
            }
        }

        if (!string.IsNullOrEmpty(plan.NodeLabel) && Spec.Placement.RoleNodeAttributes.MixesOperators(parsed))
        {
            yield return $"cluster '{c.Id}' role '{r.Name}': node attributes mixing '=' and '!=' cannot be combined with nodeLabel '{plan.NodeLabel}'";
        }
    }
}
