namespace YarnDL.Spec.Model;

/// <summary>The metric that ranks trials.</summary>
public sealed record ObjectiveSpec
{
    /// <summary>Metric name reported by tasks (e.g. <c>val_accuracy</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>maximize or minimize.</summary>
    public ObjectiveGoal Goal { get; init; } = ObjectiveGoal.Maximize;
}
