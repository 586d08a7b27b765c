namespace YarnDL.Hadoop;

/// <summary>Base of every exception thrown by the Hadoop wire layer.</summary>
public abstract class HadoopException : YarnDLException
{
    protected HadoopException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
