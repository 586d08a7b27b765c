namespace YarnDL.AppMaster.Plan;

/// <summary>One TF-style cluster (the whole job, or one trial of a sweep).</summary>
internal sealed record ClusterPlan
{
    /// <summary>Cluster id, e.g. <c>main</c> or <c>trial-0003</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Hyper-parameters of this trial (empty for a plain job).</summary>
    public IReadOnlyDictionary<string, string> HyperParameters { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<RolePlan> Roles { get; init; }

    /// <summary>Total tasks of all roles.</summary>
    public int TaskCount => Roles.Sum(r => r.Instances);
}
