namespace YarnDL.Hadoop.Sasl;

/// <summary>Server side of DIGEST-MD5 verifying Hadoop tokens against a secret lookup, offering the qops of
/// <c>hadoop.rpc.protection</c> (and the JDK server's cipher list when auth-conf is among them) and refusing a response
/// with the JDK server's messages.</summary>
internal sealed class DigestMd5Server
{
    private readonly Func<byte[], byte[]?> _secretLookup;
    private readonly IReadOnlyList<SaslQop> _protection;

    /// <param name="secretLookup">Token identifier to password, null when unknown.</param>
    /// <param name="protection">The qops offered, in the configured order.</param>
    /// <param name="nonce">A fixed nonce (tests replaying a recorded exchange); a fresh random one when null.</param>
    public DigestMd5Server(Func<byte[], byte[]?> secretLookup, IReadOnlyList<SaslQop>? protection = null, string? nonce = null)
    {
        _secretLookup = secretLookup;
        _protection = protection is { Count: > 0 } ? protection : RpcProtection.Default;
        Nonce = nonce ?? DigestMd5.NewNonce(30);
        var qops = string.Join(',', _protection.Select(RpcProtection.ToSaslToken));
        var ciphers = _protection.Contains(SaslQop.Privacy) ? $"cipher=\"{DigestCiphers.Offer}\"," : string.Empty;
        Challenge = $"realm=\"{DigestMd5.Realm}\",nonce=\"{Nonce}\",qop=\"{qops}\",charset=utf-8,{ciphers}algorithm=md5-sess";
    }

    public string Nonce { get; }

    public string Challenge { get; }

    /// <summary>Verifies the client response; throws <see cref="SaslRejectedException"/>.</summary>
    public DigestMd5ServerResult Verify(string clientResponse)
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
        if (Required(d, "nonce") != Nonce || d.GetValueOrDefault("nc") != DigestMd5.Nc || d.GetValueOrDefault("digest-uri") != DigestMd5.DigestUri)
        {
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation.");
        }

        var qopToken = d.GetValueOrDefault("qop", "auth");
        var qop = RpcProtection.FromSaslToken(qopToken)
            ?? throw new SaslRejectedException(HadoopExceptionNames.SaslException, $"DIGEST-MD5: digest response format violation. Invalid QOP: {qopToken}");
        if (!_protection.Contains(qop))
        {
            // The JDK server's message, two spaces included.
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, $"DIGEST-MD5: server does not support  qop: {qopToken}");
        }

        string? cipher = null;
        if (qop == SaslQop.Privacy)
        {
            cipher = d.GetValueOrDefault("cipher")
                ?? throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation. No cipher specified.");
            if (!DigestCiphers.All.Contains(cipher, StringComparer.Ordinal))
            {
                throw new SaslRejectedException(HadoopExceptionNames.SaslException, $"DIGEST-MD5: server does not support cipher: {cipher}");
            }
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
        var sessionKey = DigestMd5.SessionKey(username, realm, password, Nonce, cnonce);
        var expected = DigestMd5.Compute(sessionKey, Nonce, cnonce, qopToken, DigestMd5.DigestUri, forRspAuth: false);
        if (!string.Equals(expected, response, StringComparison.Ordinal))
        {
            throw new SaslRejectedException(HadoopExceptionNames.SaslException, "DIGEST-MD5: digest response format violation. Mismatched response.");
        }

        var rspauth = DigestMd5.Compute(sessionKey, Nonce, cnonce, qopToken, DigestMd5.DigestUri, forRspAuth: true);
        var layer = qop == SaslQop.Authentication ? null : DigestSecurityLayer.Create(sessionKey, qop, cipher, isClient: false);
        return new DigestMd5ServerResult(identifier, "rspauth=" + rspauth, layer);
    }

    private static string Required(Dictionary<string, string> d, string key) =>
        d.TryGetValue(key, out var v) ? v : throw new SaslRejectedException(HadoopExceptionNames.SaslException, $"DIGEST-MD5: digest response format violation. Missing {key}.");
}
