namespace YarnDL;

/// <summary>
/// The base of every error YarnDL raises on purpose: catch this to handle any of them. Each subclass carries the fields
/// of what failed (file and line, host, container, endpoint) and a message saying what to do.
/// <see cref="IsTransient"/> tells callers that retry (the AM's heartbeat loop, the CLI's RM client) whether trying the
/// same thing again later can succeed.
/// </summary>
public abstract class YarnDLException : Exception
{
    protected YarnDLException()
    {
    }

    protected YarnDLException(string message)
        : base(message)
    {
    }

    protected YarnDLException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same call may succeed if tried again later (an endpoint down, a server busy or failing over);
    /// false when the request itself is at fault and repeating it cannot help.</summary>
    public virtual bool IsTransient => false;
}
