using System.Security.Cryptography;

namespace YarnDL.Hadoop.Sasl;

/// <summary>DIGEST-MD5 <c>des</c> and <c>3des</c>: DES or two-key DES-EDE in CBC without padding, the chaining block
/// running on across messages. Keys come from Kc as the JDK's <c>makeDesKeys</c> builds them: 7-byte pieces spread over
/// 8 bytes with odd parity (3des: K1 = Kc[0..7], K2 = Kc[7..14], key K1 K2 K1); the first IV is Kc[8..16].</summary>
internal sealed class DesCbcCipher : DigestCipher
{
    private const int Block = 8;
    private readonly SymmetricAlgorithm _algorithm;
    private readonly byte[] _chain;

    private DesCbcCipher(SymmetricAlgorithm algorithm, byte[] iv)
    {
        _algorithm = algorithm;
        _chain = iv;
    }

    public override int BlockSize => Block;

    /// <summary>The cipher for key material <paramref name="kc"/> (16 bytes).</summary>
    public static DesCbcCipher Create(ReadOnlySpan<byte> kc, bool tripleDes)
    {
        var k1 = AddDesParity(kc[..7]);
        SymmetricAlgorithm algorithm;
#pragma warning disable CA5350, CA5351 // DES and 3DES are the ciphers the DIGEST-MD5 peers (the JDK) offer.
        if (tripleDes)
        {
            var k2 = AddDesParity(kc[7..14]);
            algorithm = TripleDES.Create();
            algorithm.Key = [.. k1, .. k2, .. k1];
        }
        else
        {
            algorithm = DES.Create();
            algorithm.Key = k1;
        }
#pragma warning restore CA5350, CA5351

        return new DesCbcCipher(algorithm, kc[8..16].ToArray());
    }

    /// <summary>Spreads 56 bits over 8 bytes, 7 bits each in the high bits, the low bit set for odd parity.</summary>
    internal static byte[] AddDesParity(ReadOnlySpan<byte> seven)
    {
        ulong bits = 0;
        foreach (var b in seven[..7])
        {
            bits = (bits << 8) | b;
        }

        var result = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            var b = (int)(bits & 0x7F) << 1;
            bits >>= 7;
            result[i] = (byte)(b | ((System.Numerics.BitOperations.PopCount((uint)b) & 1) ^ 1));
        }

        return result;
    }

    public override byte[] Encrypt(ReadOnlySpan<byte> data)
    {
        RequireBlocks(data.Length);
        var output = _algorithm.EncryptCbc(data, _chain, PaddingMode.None);
        output.AsSpan(output.Length - Block).CopyTo(_chain);
        return output;
    }

    public override byte[] Decrypt(ReadOnlySpan<byte> data)
    {
        RequireBlocks(data.Length);
        var output = _algorithm.DecryptCbc(data, _chain, PaddingMode.None);
        data[^Block..].CopyTo(_chain);
        return output;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _algorithm.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void RequireBlocks(int length)
    {
        if (length == 0 || length % Block != 0)
        {
            throw new HadoopSaslException($"DIGEST-MD5: {length} bytes is not a whole number of {Block}-byte cipher blocks.");
        }
    }
}
