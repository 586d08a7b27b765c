namespace YarnDL.Hadoop.Sasl;

/// <summary>One direction's cipher of the DIGEST-MD5 privacy layer. Its state carries over between messages
/// (RC4 keystream position, or the CBC chaining block), as the JDK's <c>Cipher.update</c> calls do.</summary>
internal abstract class DigestCipher : IDisposable
{
    /// <summary>1 for RC4, 8 for DES and 3DES (the wrapped message is padded to it).</summary>
    public abstract int BlockSize { get; }

    public abstract byte[] Encrypt(ReadOnlySpan<byte> data);

    public abstract byte[] Decrypt(ReadOnlySpan<byte> data);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
