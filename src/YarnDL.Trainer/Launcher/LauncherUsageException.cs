namespace YarnDL.Trainer.Launcher;

/// <summary><c>yarndl-trainer exec</c> was started without a command or outside an AM-run container (exit 2).</summary>
public sealed class LauncherUsageException : YarnDLException
{
    public LauncherUsageException(string message)
        : base(message)
    {
    }

    public LauncherUsageException()
    {
    }

    public LauncherUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
