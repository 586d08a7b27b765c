namespace YarnDL.Training.Cluster;

/// <summary>The AM refused the task or answered outside the task API contract.</summary>
public sealed class AmProtocolException : YarnDLException
{
    public AmProtocolException(string message)
        : base(message)
    {
    }

    public AmProtocolException()
    {
    }

    public AmProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
