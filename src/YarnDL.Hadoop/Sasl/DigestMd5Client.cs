namespace YarnDL.Hadoop.Sasl;

/// <summary>Client side of DIGEST-MD5 for a Hadoop token: picks the first qop of its own preference list that the
/// server offers and, for auth-conf, the strongest offered cipher, as the JDK's client does; after the server's rspauth it
/// holds the security layer for integrity or privacy.</summary>
internal sealed class DigestMd5Client
{
    private readonly string _username;
    private readonly string _password;
    private readonly IReadOnlyList<SaslQop> _protection;
    private string? _expectedRspAuth;
    private byte[]? _sessionKey;

    public DigestMd5Client(byte[] identifier, byte[] password, IReadOnlyList<SaslQop>? protection = null)
    {
        _username = DigestMd5.Encode(identifier);
        _password = DigestMd5.Encode(password);
        _protection = protection is { Count: > 0 } ? protection : RpcProtection.Default;
    }

    public bool IsComplete { get; private set; }

    /// <summary>The qop chosen in <see cref="Respond"/>.</summary>
    public SaslQop NegotiatedQop { get; private set; }

    /// <summary>The cipher chosen for auth-conf; null otherwise.</summary>
    public string? NegotiatedCipher { get; private set; }

    /// <summary>The integrity or privacy layer once complete; null for auth.</summary>
    public DigestSecurityLayer? SecurityLayer { get; private set; }

    /// <summary>Answers the server challenge; throws <see cref="HadoopSaslException"/> when no allowed qop is offered.</summary>
    public string Respond(string challenge, string? cnonce = null)
    {
        var d = DigestDirectives.Parse(challenge);
        if (!d.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
        {
            throw new HadoopSaslException("DIGEST-MD5: Digest-challenge format violation: nonce directive missing.");
        }

        var realm = d.GetValueOrDefault("realm", DigestMd5.Realm);
        if (d.TryGetValue("algorithm", out var algorithm) && !algorithm.Equals("md5-sess", StringComparison.OrdinalIgnoreCase))
        {
            throw new HadoopSaslException($"DIGEST-MD5: Digest-challenge format violation. Invalid value for 'algorithm' directive: {algorithm}");
        }

        var offered = DigestMd5.Tokens(d.GetValueOrDefault("qop", "auth"));
        NegotiatedQop = ChooseQop(offered);
        NegotiatedCipher = NegotiatedQop == SaslQop.Privacy ? ChooseCipher(d) : null;
        var qop = RpcProtection.ToSaslToken(NegotiatedQop);
        cnonce ??= DigestMd5.NewNonce(30);
        _sessionKey = DigestMd5.SessionKey(_username, realm, _password, nonce, cnonce);
        var response = DigestMd5.Compute(_sessionKey, nonce, cnonce, qop, DigestMd5.DigestUri, forRspAuth: false);
        _expectedRspAuth = DigestMd5.Compute(_sessionKey, nonce, cnonce, qop, DigestMd5.DigestUri, forRspAuth: true);
        var cipher = NegotiatedCipher is null ? string.Empty : $",cipher=\"{NegotiatedCipher}\"";
        return $"charset=utf-8,username=\"{_username}\",realm=\"{realm}\",nonce=\"{nonce}\",nc={DigestMd5.Nc},cnonce=\"{cnonce}\",digest-uri=\"{DigestMd5.DigestUri}\",maxbuf=65536,response={response},qop={qop}{cipher}";
    }

    /// <summary>Checks the server's <c>rspauth=…</c> token and sets up the security layer.</summary>
    public void VerifySuccess(string token)
    {
        var d = DigestDirectives.Parse(token);
        if (_expectedRspAuth is null || !d.TryGetValue("rspauth", out var rspauth) || rspauth != _expectedRspAuth)
        {
            throw new HadoopSaslException("DIGEST-MD5 rspauth from the server is missing or wrong: the server does not know this token's secret.");
        }

        if (NegotiatedQop != SaslQop.Authentication)
        {
            SecurityLayer = DigestSecurityLayer.Create(_sessionKey, NegotiatedQop, NegotiatedCipher, isClient: true);
        }

        IsComplete = true;
    }

    private SaslQop ChooseQop(string[] offered)
    {
        foreach (var qop in _protection)
        {
            if (offered.Contains(RpcProtection.ToSaslToken(qop), StringComparer.Ordinal))
            {
                return qop;
            }
        }

        throw new HadoopSaslException(
            $"DIGEST-MD5: No common protection layer between client and server: the server offers qop '{string.Join(',', offered)}', "
            + $"this client allows {RpcProtection.Key} = {RpcProtection.Format(_protection)}. Set {RpcProtection.Key} as the cluster's core-site.xml does.");
    }

    private static string ChooseCipher(Dictionary<string, string> d)
    {
        if (!d.TryGetValue("cipher", out var list))
        {
            throw new HadoopSaslException("DIGEST-MD5: server did not specify cipher to use for 'auth-conf'");
        }

        return DigestCiphers.Strongest(DigestMd5.Tokens(list))
            ?? throw new HadoopSaslException($"DIGEST-MD5: Client supports none of these cipher suites: {list} (supported: {DigestCiphers.Offer}).");
    }
}
