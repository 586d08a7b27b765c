using System.Buffers;

namespace YarnDL.Hadoop.Ipc;

/// <summary>A frame as it goes on the wire, in the first <see cref="Length"/> bytes of <see cref="Buffer"/>. A frame built
/// per call sits in an array rented from <see cref="ArrayPool{T}.Shared"/>, which the writer returns once the bytes are
/// copied into its batch; handshake and error frames are plain arrays and are left to the GC.</summary>
internal readonly struct PooledFrame
{
    private readonly bool _rented;

    private PooledFrame(byte[] buffer, int length, bool rented)
    {
        Buffer = buffer;
        Length = length;
        _rented = rented;
    }

    public byte[] Buffer { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>A frame of <paramref name="length"/> bytes to be written into a rented array.</summary>
    public static PooledFrame Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length, rented: true);

    /// <summary>A frame that owns a plain array (nothing to give back).</summary>
    public static PooledFrame Of(byte[] frame) => new(frame, frame.Length, rented: false);

    /// <summary>Gives a rented array back; call once, after the last use of the bytes.</summary>
    public void Return()
    {
        if (_rented)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
