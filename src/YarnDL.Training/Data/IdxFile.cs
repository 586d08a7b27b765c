using System.Buffers.Binary;
using System.IO.Compression;

namespace YarnDL.Training.Data;

/// <summary>An IDX file (LeCun's MNIST format): two zero bytes, a type byte (0x08 = unsigned byte, the only type
/// (Fashion-)MNIST uses), the number of dimensions, each dimension as a big-endian int32, then the data row-major.</summary>
internal sealed record IdxFile(IReadOnlyList<int> Dimensions, byte[] Data)
{
    public const byte UnsignedByte = 0x08;

    /// <summary>Reads <paramref name="path"/>, gunzipping when it ends in .gz.</summary>
    public static IdxFile Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(s, path);
    }

    public static IdxFile Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> magic = stackalloc byte[4];
        ReadExactly(stream, magic, name);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new InvalidDataException($"{name}: not an IDX file (magic {Convert.ToHexString(magic)})");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new InvalidDataException($"{name}: IDX element type 0x{magic[2]:X2} is not supported (only 0x08, unsigned byte)");
        }

        var dims = new int[magic[3]];
        Span<byte> d = stackalloc byte[4];
        var total = 1L;
        for (var i = 0; i < dims.Length; i++)
        {
            ReadExactly(stream, d, name);
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(d);
            total *= dims[i] >= 0 ? dims[i] : throw new InvalidDataException($"{name}: negative dimension {dims[i]}");
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}: {total} elements is too large");
        }

        var data = new byte[total];
        ReadExactly(stream, data, name);
        return new IdxFile(dims, data);
    }

    private static void ReadExactly(Stream s, Span<byte> buffer, string name)
    {
        try
        {
            s.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: truncated IDX file", e);
        }
    }
}
