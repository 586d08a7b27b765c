namespace YarnDL.Admin.Checks;

/// <summary>How bad a finding is. Both count as problems (exit code 1).</summary>
public enum Severity
{
    /// <summary>Likely wrong or unsafe; the cluster may still run.</summary>
    Warning,

    /// <summary>GPUs will not be scheduled, isolated or reach the container.</summary>
    Error,
}
