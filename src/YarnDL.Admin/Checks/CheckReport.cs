namespace YarnDL.Admin.Checks;

/// <summary>The result of check-config: every finding, and whether some input could not be read.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, bool InputUnreadable)
{
    /// <summary>0 clean, 1 problems found, 2 unreadable input (missing or malformed file).</summary>
    public int ExitCode => InputUnreadable ? 2 : Findings.Count > 0 ? 1 : 0;
}
