namespace YarnDL.Client.Submit;

/// <summary>The spec asks for something the cluster cannot give; nothing was submitted.</summary>
public sealed class PreflightException : YarnDLException
{
    public PreflightException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public PreflightException()
        : this(["preflight failed"])
    {
    }

    public PreflightException(string message)
        : this([message])
    {
    }

    public PreflightException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
