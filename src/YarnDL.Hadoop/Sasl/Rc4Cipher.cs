namespace YarnDL.Hadoop.Sasl;

/// <summary>RC4 keystream (not in .NET): used by the DIGEST-MD5 <c>rc4</c>, <c>rc4-56</c> and <c>rc4-40</c> ciphers,
/// whose state runs on from one message to the next.</summary>
internal sealed class Rc4Cipher : DigestCipher
{
    private readonly byte[] _s = new byte[256];
    private int _i;
    private int _j;

    public Rc4Cipher(ReadOnlySpan<byte> key)
    {
        for (var k = 0; k < 256; k++)
        {
            _s[k] = (byte)k;
        }

        var j = 0;
        for (var k = 0; k < 256; k++)
        {
            j = (j + _s[k] + key[k % key.Length]) & 0xFF;
            (_s[k], _s[j]) = (_s[j], _s[k]);
        }
    }

    public override int BlockSize => 1;

    public override byte[] Encrypt(ReadOnlySpan<byte> data) => Apply(data);

    public override byte[] Decrypt(ReadOnlySpan<byte> data) => Apply(data);

    private byte[] Apply(ReadOnlySpan<byte> data)
    {
        var output = new byte[data.Length];
        for (var n = 0; n < data.Length; n++)
        {
            _i = (_i + 1) & 0xFF;
            _j = (_j + _s[_i]) & 0xFF;
            (_s[_i], _s[_j]) = (_s[_j], _s[_i]);
            output[n] = (byte)(data[n] ^ _s[(_s[_i] + _s[_j]) & 0xFF]);
        }

        return output;
    }
}
