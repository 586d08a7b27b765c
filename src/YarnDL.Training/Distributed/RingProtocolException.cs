namespace YarnDL.Training.Distributed;

/// <summary>A ring peer broke the all-reduce protocol (wrong rank, closed link).</summary>
internal sealed class RingProtocolException : IOException
{
    public RingProtocolException(string message)
        : base(message)
    {
    }

    public RingProtocolException()
    {
    }

    public RingProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
