namespace YarnDL.Hadoop.Sasl;

/// <summary>The DIGEST-MD5 confidentiality ciphers the JDK's server offers, strongest first (the JDK client's order of
/// preference: high 3des, rc4; medium des, rc4-56; low rc4-40).</summary>
internal static class DigestCiphers
{
    public const string TripleDes = "3des";
    public const string Rc4 = "rc4";
    public const string Des = "des";
    public const string Rc4With56 = "rc4-56";
    public const string Rc4With40 = "rc4-40";

    public static IReadOnlyList<string> All { get; } = [TripleDes, Rc4, Des, Rc4With56, Rc4With40];

    /// <summary>The cipher list of a challenge, in the JDK server's form.</summary>
    public static string Offer => string.Join(',', All);

    /// <summary>How many bytes of H(A1) key the sealing key (rc4-40: 5, rc4-56: 7, others: 16).</summary>
    public static int KeyBytes(string cipher) => cipher switch
    {
        Rc4With40 => 5,
        Rc4With56 => 7,
        _ => 16,
    };

    /// <summary>The strongest of the offered ciphers, or null when none is known.</summary>
    public static string? Strongest(IEnumerable<string> offered)
    {
        var set = offered.ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(set.Contains);
    }

    public static DigestCipher Create(string cipher, ReadOnlySpan<byte> kc) => cipher switch
    {
        TripleDes => DesCbcCipher.Create(kc, tripleDes: true),
        Des => DesCbcCipher.Create(kc, tripleDes: false),
        Rc4 or Rc4With56 or Rc4With40 => new Rc4Cipher(kc),
        _ => throw new HadoopSaslException($"DIGEST-MD5: unsupported cipher '{cipher}'; supported: {Offer}."),
    };
}
