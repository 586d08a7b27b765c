using YarnDL.Spec.Model;
using YarnDL.Spec.Sweep;

namespace YarnDL.Spec.Plan;

/// <summary>The normalized job the AM executes: trials → roles → instances, every default resolved.
/// The AM reads this model directly (from the job.yaml it is given); there is no second plan format.</summary>
public sealed record JobPlan
{
    public required string Name { get; init; }

    /// <summary>One TF-style cluster per trial; a job without a sweep has one, with id <c>main</c>.</summary>
    public required IReadOnlyList<TrialPlan> Trials { get; init; }

    /// <summary>How trials share the AM: concurrency, failure budget, objective and early stopping.</summary>
    public SweepPlan Sweep { get; init; } = new();

    public CheckpointSpec? Checkpoint { get; init; }

    public DeadlinePlan Deadlines { get; init; } = new();

    /// <summary>Node label expression for every ask, or null for the default partition.</summary>
    public string? NodeLabel { get; init; }

    public DockerSpec Docker { get; init; } = new();

    /// <summary>The largest GPU ask of any single task (for preflight against the maximum allocation).</summary>
    public int MaxGpusPerTask => Trials.SelectMany(t => t.Roles).Select(r => r.Gpus).DefaultIfEmpty(0).Max();

    /// <summary>Builds the plan from a validated spec.</summary>
    public static JobPlan From(JobSpec spec)
    {
        var trials = SweepExpander.Expand(spec).ToList();
        var single = spec.Sweep is null && trials.Count == 1;
        return new JobPlan
        {
            Name = spec.Name,
            Trials = [.. trials.Select(t => TrialPlan.From(spec, t, single ? TrialPlan.MainId : TrialPlan.IdOf(t.Index)))],
            Sweep = SweepPlan.From(spec.Sweep, trials.Count),
            Checkpoint = spec.Checkpoint,
            Deadlines = new DeadlinePlan
            {
                Allocation = spec.Deadlines.Allocation.Value,
                Registration = spec.Deadlines.Registration.Value,
                Job = spec.Deadlines.Job?.Value,
            },
            NodeLabel = spec.Placement.NodeLabel,
            Docker = spec.Docker,
        };
    }
}
