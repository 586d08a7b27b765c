namespace YarnDL.Training.Checkpoints;

/// <summary>A WebHDFS call failed; the message carries the operation, the HTTP status and the server's RemoteException.</summary>
public sealed class WebHdfsException : Exception
{
    public WebHdfsException()
    {
    }

    public WebHdfsException(string message)
        : base(message)
    {
    }

    public WebHdfsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
