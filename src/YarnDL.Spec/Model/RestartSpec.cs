namespace YarnDL.Spec.Model;

/// <summary>Job-wide restart policy.</summary>
public sealed record RestartSpec
{
    /// <summary>Policy (default on-failure).</summary>
    public RestartPolicy Policy { get; init; } = RestartPolicy.OnFailure;

    /// <summary>Restarts allowed per task for code failures (default 3).</summary>
    public int MaxRestarts { get; init; } = SpecDefaults.MaxRestarts;
}
