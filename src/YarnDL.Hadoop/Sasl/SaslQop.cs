namespace YarnDL.Hadoop;

/// <summary>A SASL quality of protection, as <c>hadoop.rpc.protection</c> names it (Hadoop's <c>QualityOfProtection</c>).</summary>
public enum SaslQop
{
    /// <summary><c>authentication</c>: SASL <c>auth</c>, no security layer.</summary>
    Authentication,

    /// <summary><c>integrity</c>: SASL <c>auth-int</c>, every frame carries an HMAC-MD5 and a sequence number.</summary>
    Integrity,

    /// <summary><c>privacy</c>: SASL <c>auth-conf</c>, every frame is also encrypted.</summary>
    Privacy,
}
