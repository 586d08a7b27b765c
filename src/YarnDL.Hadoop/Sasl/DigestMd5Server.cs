namespace YarnDL.Hadoop.Sasl;

/// <summary>Server side of DIGEST-MD5 (qop auth) verifying Hadoop tokens against a secret lookup.</summary>
internal sealed class DigestMd5Server
{
    private readonly Func<byte[], byte[]?> _secretLookup;

    public DigestMd5Server(Func<byte[], byte[]?> secretLookup)
    {
        _secretLookup = secretLookup;
        Nonce = DigestMd5.NewNonce(30);
        Challenge = $"realm=\"{DigestMd5.Realm}\",nonce=\"{Nonce}\",qop=\"auth\",charset=utf-8,algorithm=md5-sess";
    }

    public string Nonce { get; }

    public string Challenge { get; }

    /// <summary>Verifies the client response; returns the identifier bytes and the rspauth token, or throws <see cref="SaslRejectedException"/>.</summary>
    public (byte[] Identifier, string RspAuth) Verify(string clientResponse)
    {
        Dictionary<string, string> d;
        try
        {
            d = DigestDirectives.Parse(clientResponse);
        }
        catch (HadoopSaslException ex)
        {
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: " + ex.Message);
        }

        var username = Required(d, "username");
        var cnonce = Required(d, "cnonce");
        var response = Required(d, "response");
        var qop = d.GetValueOrDefault("qop", "auth");
        if (Required(d, "nonce") != Nonce || d.GetValueOrDefault("nc") != DigestMd5.Nc || qop != "auth"
            || d.GetValueOrDefault("digest-uri") != DigestMd5.DigestUri)
        {
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation.");
        }

        byte[] identifier;
        try
        {
            identifier = Convert.FromBase64String(username);
        }
        catch (FormatException)
        {
            throw new SaslRejectedException(HadoopExceptionNames.InvalidToken, "Token identifier is not valid Base64.");
        }

        var secret = _secretLookup(identifier)
            ?? throw new SaslRejectedException(HadoopExceptionNames.InvalidToken, "Token not found or invalid for this server.");
        var password = DigestMd5.Encode(secret);
        var realm = d.GetValueOrDefault("realm", DigestMd5.Realm);
        var expected = DigestMd5.Compute(username, realm, password, Nonce, cnonce, qop, DigestMd5.DigestUri, forRspAuth: false);
        if (!string.Equals(expected, response, StringComparison.Ordinal))
        {
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation. Mismatched response.");
        }

        var rspauth = DigestMd5.Compute(username, realm, password, Nonce, cnonce, qop, DigestMd5.DigestUri, forRspAuth: true);
        return (identifier, "rspauth=" + rspauth);
    }

    private static string Required(Dictionary<string, string> d, string key) =>
        d.TryGetValue(key, out var v) ? v : throw new SaslRejectedException(HadoopExceptionNames.SaslException, $"DIGEST-MD5: missing '{key}'.");
}
