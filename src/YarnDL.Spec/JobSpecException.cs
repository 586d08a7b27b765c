namespace YarnDL.Spec;

/// <summary>A job.yaml problem, located at <c>File:Line:Column</c> (1-based) and a dotted key <see cref="Path"/>.</summary>
public sealed class JobSpecException : YarnDLException
{
    public JobSpecException(string file, int line, int column, string path, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Path = path;
        Problem = problem;
    }

    public JobSpecException()
        : this("job.yaml", 1, 1, string.Empty, "invalid job spec")
    {
    }

    public JobSpecException(string message)
        : this("job.yaml", 1, 1, string.Empty, message)
    {
    }

    public JobSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "job.yaml";
        Path = string.Empty;
        Problem = message;
    }

    /// <summary>File name as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>Dotted key path, e.g. <c>roles.worker.gpus</c>; empty for the whole document.</summary>
    public string Path { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }
}
