namespace YarnDL.Hadoop;

/// <summary>Thrown by a server handler to send Hadoop's ERROR response with the given Java exception class name.</summary>
public sealed class HadoopServerException : HadoopException
{
    public HadoopServerException(string className, string message)
        : base(message)
    {
        ClassName = className;
    }

    /// <summary>Java exception class binary name sent as <c>exceptionClassName</c>.</summary>
    public string ClassName { get; }
}
