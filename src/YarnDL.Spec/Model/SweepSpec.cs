namespace YarnDL.Spec.Model;

/// <summary>A hyper-parameter sweep: each trial is its own training cluster.</summary>
public sealed record SweepSpec
{
    /// <summary>grid (cartesian product) or random (seeded sampling).</summary>
    public SweepStrategy Strategy { get; init; } = SweepStrategy.Grid;

    /// <summary>Trials running at once (default 1).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Upper bound on trials (grid: truncates; random: number sampled, default 10).</summary>
    public int? MaxTrials { get; init; }

    /// <summary>The sweep fails once this many trials failed (default: never).</summary>
    public int? MaxFailedTrials { get; init; }

    /// <summary>Seed for random sampling (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Metric used to rank trials.</summary>
    public ObjectiveSpec? Objective { get; init; }

    /// <summary>Early stopping of poor trials.</summary>
    public EarlyStoppingSpec? EarlyStopping { get; init; }

    /// <summary>Parameter name → values (list) or range.</summary>
    public Dictionary<string, ParameterSpec> Parameters { get; init; } = [];
}
