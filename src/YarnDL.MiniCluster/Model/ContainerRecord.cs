namespace YarnDL.MiniCluster.Model;

/// <summary>An allocated container and, once started, its process; mutated only under the RM lock.</summary>
internal sealed class ContainerRecord
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required int AttemptNumber { get; init; }
    public required NodeRecord Node { get; init; }
    public required Resource Resource { get; init; }
    public required IReadOnlyList<int> GpuIndices { get; init; }
    public required int Priority { get; init; }
    public long AllocationRequestId { get; init; }
    public bool IsAm { get; init; }

    /// <summary>The allocation tags of the SchedulingRequest it was placed for (empty for ResourceRequests).</summary>
    public IReadOnlyList<string> AllocationTags { get; init; } = [];

    /// <summary>NEW (allocated), RUNNING (process started), COMPLETE.</summary>
    public string State { get; set; } = "NEW";
    public int ExitStatus { get; set; } = Model.ExitStatus.Invalid;
    public string Diagnostics { get; set; } = "";

    /// <summary>When it completed (epoch ms), for the NM's recently-stopped set.</summary>
    public long CompletedAt { get; set; }

    /// <summary>Exit status to report when the process ends because we killed it.</summary>
    public int? PendingKillStatus { get; set; }
    public NodeManager.ContainerProcess? Process { get; set; }
}
