using System.Text;

namespace YarnDL.Hadoop.Security;

/// <summary>Hadoop Writable primitives: VInt/VLong (<c>WritableUtils</c>) and Text.</summary>
internal static class WritableIO
{
    public static void WriteVLong(Stream output, long value)
    {
        if (value >= -112 && value <= 127)
        {
            output.WriteByte(unchecked((byte)(sbyte)value));
            return;
        }

        var prefix = -112;
        if (value < 0)
        {
            value = ~value;
            prefix = -120;
        }

        var count = 0;
        for (var tmp = value; tmp != 0; tmp >>= 8)
        {
            count++;
        }

        output.WriteByte(unchecked((byte)(sbyte)(prefix - count)));
        for (var i = count - 1; i >= 0; i--)
        {
            output.WriteByte((byte)(value >> (8 * i)));
        }
    }

    public static long ReadVLong(Stream input)
    {
        var first = unchecked((sbyte)ReadByte(input));
        if (first >= -112)
        {
            return first;
        }

        var negative = first < -120;
        var count = negative ? -120 - first : -112 - first;
        long value = 0;
        for (var i = 0; i < count; i++)
        {
            value = (value << 8) | ReadByte(input);
        }

        return negative ? ~value : value;
    }

    public static int ReadVInt(Stream input)
    {
        var value = ReadVLong(input);
        return value is < int.MinValue or > int.MaxValue ? throw new InvalidDataException($"VInt {value} out of range.") : (int)value;
    }

    public static byte[] ReadBytes(Stream input, int maxLength)
    {
        var length = ReadVInt(input);
        if (length < 0 || length > maxLength)
        {
            throw new InvalidDataException($"Length {length} outside [0, {maxLength}].");
        }

        var bytes = new byte[length];
        input.ReadExactly(bytes);
        return bytes;
    }

    public static void WriteBytes(Stream output, byte[] bytes)
    {
        WriteVLong(output, bytes.Length);
        output.Write(bytes);
    }

    public static string ReadText(Stream input, int maxLength) => Encoding.UTF8.GetString(ReadBytes(input, maxLength));

    public static void WriteText(Stream output, string text) => WriteBytes(output, Encoding.UTF8.GetBytes(text));

    private static byte ReadByte(Stream input)
    {
        var b = input.ReadByte();
        return b < 0 ? throw new EndOfStreamException("Truncated Writable data.") : (byte)b;
    }
}
