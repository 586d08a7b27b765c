namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>A peer broke the parameter-server protocol (wrong frame, closed early, mismatched sizes).</summary>
internal sealed class PsProtocolException : YarnDLException
{
    public PsProtocolException()
    {
    }

    public PsProtocolException(string message)
        : base(message)
    {
    }

    public PsProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
