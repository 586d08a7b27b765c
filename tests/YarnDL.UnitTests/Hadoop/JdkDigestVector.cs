using YarnDL.Hadoop;
using YarnDL.Hadoop.Sasl;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>One DIGEST-MD5 exchange captured from the JDK (see Vectors/DigestMd5/README.md).</summary>
internal sealed class JdkDigestVector
{
    private readonly Dictionary<string, string> _values;

    private JdkDigestVector(string name, Dictionary<string, string> values)
    {
        Name = name;
        _values = values;
    }

    public static byte[] Identifier { get; } = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];

    public static byte[] Password { get; } = [.. Enumerable.Range(0x64, 20).Select(i => (byte)i)];

    public string Name { get; }

    public string Challenge => _values["challenge"];

    public string Response => _values["response"];

    public string RspAuth => _values["rspauth"];

    public string? ClientError => _values.GetValueOrDefault("client.error");

    public IReadOnlyList<SaslQop> ClientQops => Qops(_values["client.qop"]);

    public IReadOnlyList<SaslQop> ServerQops => Qops(_values["server.qop"]);

    /// <summary>A directive of the JDK client's response (nonce, cnonce, response, qop, cipher).</summary>
    public string ResponseDirective(string key) => DigestDirectives.Parse(Response)[key];

    /// <summary>Client-to-server (plain, wrapped) pairs in the order the JDK client wrapped them.</summary>
    public IReadOnlyList<(byte[] Plain, byte[] Wrapped)> ClientToServer => Pairs("c2s");

    /// <summary>Server-to-client (plain, wrapped) pairs in the order the JDK server wrapped them.</summary>
    public IReadOnlyList<(byte[] Plain, byte[] Wrapped)> ServerToClient => Pairs("s2c");

    public static JdkDigestVector Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Hadoop", "Vectors", "DigestMd5", name + ".txt");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0)
            {
                continue;
            }

            values[line[..colon]] = line[(colon + 2)..];
        }

        return new JdkDigestVector(name, values);
    }

    /// <summary>The challenge as a server offering only <paramref name="cipher"/> would send it (nonce unchanged).</summary>
    public string ChallengeOffering(string cipher) =>
        Challenge.Replace($"cipher=\"{DigestCiphers.Offer}\"", $"cipher=\"{cipher}\"", StringComparison.Ordinal);

    private static IReadOnlyList<SaslQop> Qops(string list) =>
        [.. DigestMd5.Tokens(list).Select(t => RpcProtection.FromSaslToken(t) ?? throw new InvalidDataException($"qop '{t}' in a vector"))];

    private List<(byte[] Plain, byte[] Wrapped)> Pairs(string direction)
    {
        var pairs = new List<(byte[], byte[])>();
        for (var i = 0; _values.TryGetValue($"{direction}.{i}.plain", out var plain); i++)
        {
            pairs.Add((Convert.FromHexString(plain), Convert.FromHexString(_values[$"{direction}.{i}.wrapped"])));
        }

        return pairs;
    }
}
