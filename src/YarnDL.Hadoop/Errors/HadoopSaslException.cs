namespace YarnDL.Hadoop;

/// <summary>SASL negotiation failed locally (unsupported mechanism or qop, bad rspauth, malformed challenge).</summary>
public sealed class HadoopSaslException : HadoopException
{
    public HadoopSaslException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
