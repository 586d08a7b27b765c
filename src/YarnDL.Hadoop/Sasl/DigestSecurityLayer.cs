using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace YarnDL.Hadoop.Sasl;

/// <summary>The DIGEST-MD5 security layer negotiated as auth-int or auth-conf (RFC 2831 integrity and confidentiality),
/// laid out byte for byte as the JDK's <c>DigestIntegrity</c>/<c>DigestPrivacy</c>:
/// auth-int: msg, HMAC-MD5(Ki, seq ‖ msg)[0..10], 0x0001, seq;
/// auth-conf: CIPHER(Kc, msg ‖ pad ‖ HMAC[0..10]), 0x0001, seq. Each side numbers its messages from 0.
/// Not thread-safe: callers wrap in the order they send and unwrap in the order they receive.</summary>
internal sealed class DigestSecurityLayer : IDisposable
{
    private const int MacLength = 10;
    private const int TrailerLength = 6; // message type (2) and sequence number (4)
    private const ushort MessageType = 1;
    private readonly byte[] _myKi;
    private readonly byte[] _peerKi;
    private readonly DigestCipher? _encrypt;
    private readonly DigestCipher? _decrypt;
    private int _mySeq;
    private int _peerSeq;

    private DigestSecurityLayer(SaslQop qop, string? cipher, byte[] myKi, byte[] peerKi, DigestCipher? encrypt, DigestCipher? decrypt)
    {
        Qop = qop;
        Cipher = cipher;
        _myKi = myKi;
        _peerKi = peerKi;
        _encrypt = encrypt;
        _decrypt = decrypt;
    }

    public SaslQop Qop { get; }

    /// <summary>The cipher for auth-conf; null for auth-int.</summary>
    public string? Cipher { get; }

    /// <summary>The layer for <paramref name="qop"/> (integrity or privacy) from the session key H(A1).</summary>
    public static DigestSecurityLayer Create(ReadOnlySpan<byte> ha1, SaslQop qop, string? cipher, bool isClient)
    {
        var kic = Md5(ha1, "Digest session key to client-to-server signing key magic constant");
        var kis = Md5(ha1, "Digest session key to server-to-client signing key magic constant");
        if (qop != SaslQop.Privacy)
        {
            return new DigestSecurityLayer(qop, null, isClient ? kic : kis, isClient ? kis : kic, null, null);
        }

        ArgumentNullException.ThrowIfNull(cipher);
        var n = DigestCiphers.KeyBytes(cipher);
        var kcc = Md5(ha1[..n], "Digest H(A1) to client-to-server sealing key magic constant");
        var kcs = Md5(ha1[..n], "Digest H(A1) to server-to-client sealing key magic constant");
        var encrypt = DigestCiphers.Create(cipher, isClient ? kcc : kcs);
        var decrypt = DigestCiphers.Create(cipher, isClient ? kcs : kcc);
        return new DigestSecurityLayer(qop, cipher, isClient ? kic : kis, isClient ? kis : kic, encrypt, decrypt);
    }

    /// <summary>Protects one outgoing message.</summary>
    public byte[] Wrap(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            return [];
        }

        var seq = _mySeq++;
        var mac = Mac(_myKi, seq, message);
        byte[] body;
        if (_encrypt is null)
        {
            body = [.. message, .. mac];
        }
        else
        {
            var bs = _encrypt.BlockSize;
            var pad = bs > 1 ? bs - ((message.Length + MacLength) % bs) : 0;
            var plain = new byte[message.Length + pad + MacLength];
            message.CopyTo(plain);
            plain.AsSpan(message.Length, pad).Fill((byte)pad);
            mac.CopyTo(plain, message.Length + pad);
            body = _encrypt.Encrypt(plain);
        }

        var wrapped = new byte[body.Length + TrailerLength];
        body.CopyTo(wrapped, 0);
        BinaryPrimitives.WriteUInt16BigEndian(wrapped.AsSpan(body.Length), MessageType);
        BinaryPrimitives.WriteInt32BigEndian(wrapped.AsSpan(body.Length + 2), seq);
        return wrapped;
    }

    /// <summary>Checks and opens one incoming message; throws <see cref="HadoopSaslException"/> when it was altered,
    /// replayed or reordered (the JDK drops a message with a wrong MAC silently and then fails on the next one's sequence
    /// number; failing at once gives the same outcome sooner).</summary>
    public byte[] Unwrap(ReadOnlySpan<byte> token)
    {
        if (token.IsEmpty)
        {
            return [];
        }

        var minimum = (_decrypt is null ? MacLength : Math.Max(_decrypt.BlockSize, MacLength)) + TrailerLength;
        if (token.Length < minimum)
        {
            throw new HadoopSaslException($"DIGEST-MD5: wrapped message of {token.Length} bytes is shorter than the {minimum}-byte minimum for {RpcProtection.ToSaslToken(Qop)}.");
        }

        var trailer = token[^TrailerLength..];
        var type = BinaryPrimitives.ReadUInt16BigEndian(trailer);
        var seq = BinaryPrimitives.ReadInt32BigEndian(trailer[2..]);
        var body = token[..^TrailerLength];
        ReadOnlySpan<byte> message;
        ReadOnlySpan<byte> mac;
        if (_decrypt is null)
        {
            message = body[..^MacLength];
            mac = body[^MacLength..];
        }
        else
        {
            var plain = _decrypt.Decrypt(body);
            var withPadding = plain.AsSpan(0, plain.Length - MacLength);
            mac = plain.AsSpan(plain.Length - MacLength);
            var pad = _decrypt.BlockSize > 1 ? withPadding[^1] : 0;
            if (pad > withPadding.Length || pad > _decrypt.BlockSize)
            {
                throw new HadoopSaslException($"DIGEST-MD5: incorrect padding ({pad}) in a message from the peer: wrong key or altered data.");
            }

            message = withPadding[..^pad];
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(_peerKi, seq, message)))
        {
            throw new HadoopSaslException("DIGEST-MD5: unmatched MAC on a message from the peer: altered data or wrong session key.");
        }

        if (seq != _peerSeq)
        {
            throw new HadoopSaslException($"DIGEST-MD5: Out of order sequencing of messages from the peer. Got: {seq} Expected: {_peerSeq}");
        }

        if (type != MessageType)
        {
            throw new HadoopSaslException($"DIGEST-MD5: invalid message type: {type}");
        }

        _peerSeq++;
        return message.ToArray();
    }

    public void Dispose()
    {
        _encrypt?.Dispose();
        _decrypt?.Dispose();
    }

    private static byte[] Mac(byte[] key, int seq, ReadOnlySpan<byte> message)
    {
        var input = new byte[4 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(input, seq);
        message.CopyTo(input.AsSpan(4));
#pragma warning disable CA5351 // HMAC-MD5 is what RFC 2831 specifies.
        return HMACMD5.HashData(key, input)[..MacLength];
#pragma warning restore CA5351
    }

    private static byte[] Md5(ReadOnlySpan<byte> key, string magic)
    {
#pragma warning disable CA5351 // MD5 is what RFC 2831 specifies.
        return MD5.HashData([.. key, .. Encoding.UTF8.GetBytes(magic)]);
#pragma warning restore CA5351
    }
}
