namespace YarnDL.Admin.Checks;

/// <summary>The result of check-config: every finding, whether some input could not be read, and the files that were read.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, bool InputUnreadable)
{
    /// <summary>0 clean; 2 (yarndl's "bad input") when problems were found or a file could not be read.</summary>
    public int ExitCode => InputUnreadable || Findings.Count > 0 ? 2 : 0;

    /// <summary>Names of the configuration files read (for the line that says a directory is clean).</summary>
    public IReadOnlyList<string> FilesRead { get; init; } = [];
}
