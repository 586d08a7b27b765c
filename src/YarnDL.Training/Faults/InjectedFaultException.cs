namespace YarnDL.Training.Faults;

/// <summary>Thrown when a test fault knob fires; the trainer exits with <see cref="ExitCode"/>.</summary>
public sealed class InjectedFaultException : YarnDLException
{
    public InjectedFaultException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public InjectedFaultException()
    {
    }

    public InjectedFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = 1;
}
