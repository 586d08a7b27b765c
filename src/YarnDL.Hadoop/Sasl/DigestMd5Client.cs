namespace YarnDL.Hadoop.Sasl;

/// <summary>Client side of DIGEST-MD5 with qop=auth for a Hadoop token (spec §2.5).</summary>
internal sealed class DigestMd5Client
{
    private readonly string _username;
    private readonly string _password;
    private string? _expectedRspAuth;

    public DigestMd5Client(byte[] identifier, byte[] password)
    {
        _username = DigestMd5.Encode(identifier);
        _password = DigestMd5.Encode(password);
    }

    public bool IsComplete { get; private set; }

    /// <summary>Answers the server challenge; throws <see cref="HadoopSaslException"/> when qop auth is not offered.</summary>
    public string Respond(string challenge, string? cnonce = null)
    {
        var d = DigestDirectives.Parse(challenge);
        if (!d.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
        {
            throw new HadoopSaslException("DIGEST-MD5 challenge has no nonce.");
        }

        var realm = d.GetValueOrDefault("realm", DigestMd5.Realm);
        var offered = d.GetValueOrDefault("qop", "auth").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!offered.Contains("auth"))
        {
            throw new HadoopSaslException(
                $"Server requires SASL qop '{string.Join(',', offered)}' (hadoop.rpc.protection integrity/privacy); only 'auth' (authentication) is supported.");
        }

        if (d.TryGetValue("algorithm", out var algorithm) && !algorithm.Equals("md5-sess", StringComparison.OrdinalIgnoreCase))
        {
            throw new HadoopSaslException($"Unsupported DIGEST-MD5 algorithm '{algorithm}'.");
        }

        cnonce ??= DigestMd5.NewNonce(12);
        var response = DigestMd5.Compute(_username, realm, _password, nonce, cnonce, "auth", DigestMd5.DigestUri, forRspAuth: false);
        _expectedRspAuth = DigestMd5.Compute(_username, realm, _password, nonce, cnonce, "auth", DigestMd5.DigestUri, forRspAuth: true);
        return $"charset=utf-8,username=\"{_username}\",realm=\"{realm}\",nonce=\"{nonce}\",nc={DigestMd5.Nc},cnonce=\"{cnonce}\",digest-uri=\"{DigestMd5.DigestUri}\",maxbuf=65536,response={response},qop=auth";
    }

    /// <summary>Checks the server's <c>rspauth=…</c> token.</summary>
    public void VerifySuccess(string token)
    {
        var d = DigestDirectives.Parse(token);
        if (_expectedRspAuth is null || !d.TryGetValue("rspauth", out var rspauth) || rspauth != _expectedRspAuth)
        {
            throw new HadoopSaslException("DIGEST-MD5 rspauth from the server is missing or wrong: the server does not know this token's secret.");
        }

        IsComplete = true;
    }
}
