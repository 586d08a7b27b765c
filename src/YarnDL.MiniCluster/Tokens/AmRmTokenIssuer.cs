using System.Security.Cryptography;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.Tokens;

#pragma warning disable CA5350 // Hadoop's SecretManager signs tokens with HmacSHA1; the wire format needs it.

/// <summary>Issues AMRMTokens: identifier = AMRMTokenIdentifierProto, password = HMAC-SHA1 under the master key.</summary>
internal sealed class AmRmTokenIssuer
{
    public const string Kind = "YARN_AM_RM_TOKEN";
    private readonly object _gate = new();
    private byte[] _masterKey = RandomNumberGenerator.GetBytes(20);
    private (int KeyId, byte[] Key)? _previous;

    public int KeyId { get; private set; } = RandomNumberGenerator.GetInt32(1, int.MaxValue);

    /// <summary>Rolls the master key as the RM does every rolling interval; tokens under the previous key stay valid.</summary>
    public void Roll()
    {
        lock (_gate)
        {
            _previous = (KeyId, _masterKey);
            _masterKey = RandomNumberGenerator.GetBytes(20);
            KeyId = KeyId == int.MaxValue ? 1 : KeyId + 1;
        }
    }

    /// <summary>The password for an identifier under the key it names (current or previous), or null for an unknown key.</summary>
    public byte[]? PasswordFor(byte[] identifier, int keyId)
    {
        lock (_gate)
        {
            if (keyId == KeyId) return HMACSHA1.HashData(_masterKey, identifier);
            return _previous is { } p && p.KeyId == keyId ? HMACSHA1.HashData(p.Key, identifier) : null;
        }
    }

    public TokenEntry Issue(long clusterTs, int appSeq, int attempt)
    {
        lock (_gate)
        {
            var identifier = EncodeIdentifier(clusterTs, appSeq, attempt, KeyId);
            return new TokenEntry("", identifier, HMACSHA1.HashData(_masterKey, identifier), Kind, "");
        }
    }

    public bool Verify(byte[] identifier, byte[] password)
    {
        lock (_gate) return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(_masterKey, identifier), password);
    }

    /// <summary>AMRMTokenIdentifierProto{appAttemptId{application_id{id, cluster_timestamp}, attemptId}, keyId}.</summary>
    internal static byte[] EncodeIdentifier(long clusterTs, int appSeq, int attempt, int keyId)
    {
        var appId = Concat(Tag(1, 0), Varint((ulong)appSeq), Tag(2, 0), Varint((ulong)clusterTs));
        var attemptId = Concat(Tag(1, 2), Varint((ulong)appId.Length), appId, Tag(2, 0), Varint((ulong)attempt));
        return Concat(Tag(1, 2), Varint((ulong)attemptId.Length), attemptId, Tag(2, 0), Varint((ulong)keyId));
    }

    private static byte[] Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private static byte[] Varint(ulong v)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            bytes.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
