using YarnDL.Spec.Model;
using YarnDL.Spec.Sweep;

namespace YarnDL.Spec.Plan;

/// <summary>The normalized job the AM executes: trials → roles → instances, every default resolved.</summary>
public sealed record JobPlan
{
    public required string Name { get; init; }

    public required IReadOnlyList<TrialPlan> Trials { get; init; }

    /// <summary>Trials running at once (1 without a sweep).</summary>
    public required int Parallel { get; init; }

    /// <summary>The sweep fails after this many failed trials; null = never.</summary>
    public int? MaxFailedTrials { get; init; }

    public ObjectiveSpec? Objective { get; init; }

    public EarlyStoppingSpec? EarlyStopping { get; init; }

    public CheckpointSpec? Checkpoint { get; init; }

    public required DeadlinesSpec Deadlines { get; init; }

    public string? NodeLabel { get; init; }

    public required DockerSpec Docker { get; init; }

    /// <summary>The largest GPU ask of any single task (for preflight against the maximum allocation).</summary>
    public int MaxGpusPerTask => Trials.SelectMany(t => t.Roles).Select(r => r.Gpus).DefaultIfEmpty(0).Max();

    /// <summary>Builds the plan from a validated spec.</summary>
    public static JobPlan From(JobSpec spec) => new()
    {
        Name = spec.Name,
        Trials = SweepExpander.Expand(spec).Select(t => TrialPlan.From(spec, t)).ToList(),
        Parallel = spec.Sweep?.Parallel ?? 1,
        MaxFailedTrials = spec.Sweep?.MaxFailedTrials,
        Objective = spec.Sweep?.Objective,
        EarlyStopping = spec.Sweep?.EarlyStopping,
        Checkpoint = spec.Checkpoint,
        Deadlines = spec.Deadlines,
        NodeLabel = spec.Placement.NodeLabel,
        Docker = spec.Docker,
    };
}
