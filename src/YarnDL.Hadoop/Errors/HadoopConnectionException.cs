namespace YarnDL.Hadoop;

/// <summary>The connection failed or broke (connect error, EOF, malformed frame, call timeout).</summary>
public sealed class HadoopConnectionException : HadoopException
{
    public HadoopConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Transient: a new connection (to the same server after a restart, or to another one) may succeed.</summary>
    public override bool IsTransient => true;
}
