using YarnDL.Spec.Units;

namespace YarnDL.Spec.Model;

/// <summary>Time limits ("30s", "10m", "2h").</summary>
public sealed record DeadlinesSpec
{
    /// <summary>Time to obtain all containers of a cluster before releasing and retrying (default 10m).</summary>
    public Duration Allocation { get; init; } = Duration.FromMinutes(SpecDefaults.AllocationMinutes);

    /// <summary>Time for all tasks of a cluster to register (default 5m).</summary>
    public Duration Registration { get; init; } = Duration.FromMinutes(SpecDefaults.RegistrationMinutes);

    /// <summary>Whole-job limit; null = none.</summary>
    public Duration? Job { get; init; }
}
