namespace YarnDL.AppMaster.Plan;

/// <summary>What a code failure (non-zero exit) costs: each cluster may restart this many times.</summary>
internal sealed record RestartPlan
{
    public RestartPolicy Policy { get; init; } = RestartPolicy.OnFailure;

    public int MaxRestarts { get; init; } = 3;
}
