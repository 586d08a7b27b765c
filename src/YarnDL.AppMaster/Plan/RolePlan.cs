namespace YarnDL.AppMaster.Plan;

/// <summary>A role of a cluster (chief, worker, ps, evaluator...) and the container shape of its tasks.</summary>
internal sealed record RolePlan
{
    public required string Name { get; init; }

    public int Instances { get; init; } = 1;

    public int MemoryMb { get; init; } = 1024;

    public int Vcores { get; init; } = 1;

    public int Gpus { get; init; }

    /// <summary>Docker image (image runtime only).</summary>
    public string? Image { get; init; }

    /// <summary>Command to run; null runs the built-in trainer (YARNDL_TRAINER_COMMAND).</summary>
    public string? Command { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Tasks of this role must run on distinct nodes (asked as a SchedulingRequest with a node anti-affinity constraint).</summary>
    public bool AntiAffinity { get; init; }

    /// <summary>Node attribute expressions (<c>nm.yarn.io/gpu-model=A100</c>, <c>rm.yarn.io/os!=centos7</c>) every task's node must satisfy;
    /// non-empty makes the role's ask a SchedulingRequest.</summary>
    public IReadOnlyList<string> NodeAttributes { get; init; } = [];

    /// <summary>Roles that are not ranked (ps, evaluator) do not end the cluster when they are still running.</summary>
    public bool IsRanked => YarnDL.TaskProtocol.TfConfig.RankedRoles.Contains(Name);
}
