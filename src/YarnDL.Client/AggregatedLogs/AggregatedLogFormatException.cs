namespace YarnDL.Client.AggregatedLogs;

/// <summary>An aggregated log file that is not a TFile this reader understands (corrupt, truncated, or another format).</summary>
public sealed class AggregatedLogFormatException : YarnDLException
{
    public AggregatedLogFormatException(string location, long offset, string problem)
        : base($"{location}: not a readable TFile aggregated log at byte {offset}: {problem}")
    {
        Location = location;
        Offset = offset;
        Problem = problem;
    }

    public AggregatedLogFormatException()
    {
        Location = string.Empty;
        Problem = string.Empty;
    }

    public AggregatedLogFormatException(string message)
        : base(message)
    {
        Location = string.Empty;
        Problem = message;
    }

    public AggregatedLogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = string.Empty;
        Problem = message;
    }

    /// <summary>The file (path or URL) that failed.</summary>
    public string Location { get; }

    /// <summary>Byte offset in the file, or in the decompressed block, where reading stopped.</summary>
    public long Offset { get; }

    public string Problem { get; }
}
