using System.Text.Json.Nodes;

namespace YarnDL.MiniCluster.Model;

/// <summary>One application as the RM keeps it; mutated only under the RM lock.</summary>
internal sealed class AppRecord
{
    public required string Id { get; init; }
    public required int Sequence { get; init; }
    public required string User { get; init; }
    public required string Name { get; init; }
    public required string Queue { get; init; }
    public required string ApplicationType { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required int Priority { get; init; }
    public required Resource AmResource { get; init; }
    public required int MaxAttempts { get; init; }
    public required bool KeepContainers { get; init; }
    public required bool UnmanagedAm { get; init; }
    public required JsonObject AmContainerSpec { get; init; }
    public required long SubmitTime { get; init; }

    /// <summary>app-node-label-expression (default for asks without one) and the AM container's label.</summary>
    public string AppLabel { get; init; } = "";
    public string AmLabel { get; init; } = "";

    /// <summary>The submission body as received, for idempotent resubmission checks.</summary>
    public required string SubmissionJson { get; init; }

    /// <summary>Internal RMAppState (NEW_SAVING, ACCEPTED, RUNNING, KILLING, FINISHED, FAILED, KILLED, …).</summary>
    public string State { get; set; } = AppStates.Accepted;
    public string FinalStatus { get; set; } = "UNDEFINED";
    public string Diagnostics { get; set; } = "";
    public float Progress { get; set; }
    public string? TrackingUrl { get; set; }
    public string? AmRpcAddress { get; set; }
    public long LaunchTime { get; set; }
    public long FinishTime { get; set; }

    /// <summary>LogAggregationStatus in the app report: DISABLED, NOT_START, RUNNING, SUCCEEDED or FAILED.</summary>
    public string LogAggregationStatus { get; set; } = "NOT_START";
    public List<AttemptRecord> Attempts { get; } = [];

    public AttemptRecord? CurrentAttempt => Attempts.Count == 0 ? null : Attempts[^1];

    public bool IsTerminal => AppStates.IsTerminal(State);

    /// <summary>The public YarnApplicationState shown in AppInfo.</summary>
    public string PublicState => State switch
    {
        AppStates.Killing or AppStates.FinalSaving or AppStates.Finishing => AppStates.Running,
        _ => State,
    };
}
