namespace YarnDL.Hadoop.Sasl;

/// <summary>Server-side SASL rejection, sent to the client as a FATAL response with this class name.</summary>
internal sealed class SaslRejectedException : YarnDLException
{
    public SaslRejectedException(string className, string message)
        : base(message)
    {
        ClassName = className;
    }

    public string ClassName { get; }
}
