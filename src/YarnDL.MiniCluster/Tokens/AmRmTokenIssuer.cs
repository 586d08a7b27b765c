using System.Security.Cryptography;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.Tokens;

#pragma warning disable CA5350 // Hadoop's SecretManager signs tokens with HmacSHA1; the wire format needs it.

/// <summary>
/// Issues AMRMTokens (identifier = AMRMTokenIdentifierProto, password = HMAC-SHA1 under a master key) and rolls the master
/// key as Hadoop's AMRMTokenSecretManager does: every rolling interval a next key is made and new tokens are issued under
/// it while tokens of the current key stay valid; after the activation delay the next key becomes the current one and the
/// old key is retired, so a token of the old key is refused from then on (InvalidToken). Key ids are serial numbers from a
/// random start.
/// </summary>
internal sealed class AmRmTokenIssuer : IDisposable
{
    public const string Kind = "YARN_AM_RM_TOKEN";
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _activationDelay;
    private readonly ITimer? _roller;
    private readonly List<ITimer> _activators = [];
    private int _serial = RandomNumberGenerator.GetInt32(1, int.MaxValue / 2);
    private (int KeyId, byte[] Key) _current;
    private (int KeyId, byte[] Key)? _next;

    /// <summary>Rolls every <paramref name="rollingInterval"/> (null: only when <see cref="Roll"/> is called).</summary>
    public AmRmTokenIssuer(TimeProvider time, TimeSpan? rollingInterval, TimeSpan activationDelay)
    {
        _time = time;
        _activationDelay = activationDelay;
        _current = NewKey();
        if (rollingInterval is { } every)
        {
            _roller = time.CreateTimer(_ => Roll(), null, every, every);
        }
    }

    /// <summary>Raised after the next key became the current one (the previous key is retired).</summary>
    public event Action<int>? KeyActivated;

    /// <summary>Id of the key new tokens are issued under (the next key while one is pending).</summary>
    public int KeyId
    {
        get
        {
            lock (_gate) return (_next ?? _current).KeyId;
        }
    }

    /// <summary>Id of the rolled key that is not active yet, else null (the allocate response hands out a token of it).</summary>
    public int? NextKeyId
    {
        get
        {
            lock (_gate) return _next?.KeyId;
        }
    }

    /// <summary>rollMasterKey: makes the next key and schedules its activation after the activation delay.</summary>
    public void Roll()
    {
        lock (_gate)
        {
            _next = NewKey();
            _activators.Add(_time.CreateTimer(_ => ActivateNext(), null, _activationDelay, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>activateNextMasterKey: the next key becomes current; tokens of the previous current key are refused from now on.</summary>
    public void ActivateNext()
    {
        int activated;
        lock (_gate)
        {
            if (_next is not { } next) return;
            _current = next;
            _next = null;
            activated = next.KeyId;
        }

        KeyActivated?.Invoke(activated);
    }

    /// <summary>The password for an identifier under the key it names (current or next), or null for a retired or unknown key.</summary>
    public byte[]? PasswordFor(byte[] identifier, int keyId)
    {
        lock (_gate)
        {
            if (keyId == _current.KeyId) return HMACSHA1.HashData(_current.Key, identifier);
            return _next is { } n && n.KeyId == keyId ? HMACSHA1.HashData(n.Key, identifier) : null;
        }
    }

    /// <summary>createAndGetAMRMToken: a token under the next key while one is pending, else the current key.</summary>
    public TokenEntry Issue(long clusterTs, int appSeq, int attempt)
    {
        lock (_gate)
        {
            var (keyId, key) = _next ?? _current;
            var identifier = EncodeIdentifier(clusterTs, appSeq, attempt, keyId);
            return new TokenEntry("", identifier, HMACSHA1.HashData(key, identifier), Kind, "");
        }
    }

    public bool Verify(byte[] identifier, byte[] password)
    {
        lock (_gate)
        {
            var (_, key) = _next ?? _current;
            return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(key, identifier), password);
        }
    }

    public void Dispose()
    {
        _roller?.Dispose();
        lock (_gate)
        {
            foreach (var t in _activators) t.Dispose();
            _activators.Clear();
        }
    }

    private (int, byte[]) NewKey() => (_serial++, RandomNumberGenerator.GetBytes(20));

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
