using System.Buffers.Binary;
using System.Text;

namespace YarnDL.Training.Summaries;

/// <summary>Hand-encoded tensorflow.Event protos: wall_time (1, double), step (2, int64), file_version (3, string),
/// summary (5) holding repeated Summary.Value (1) of tag (1, string) and simple_value (2, float).</summary>
internal static class EventProto
{
    public static byte[] FileVersion(double wallTime) => Build(wallTime, 0, w => WriteString(w, 3, "brain.Event:2"));

    public static byte[] Scalars(double wallTime, long step, IEnumerable<KeyValuePair<string, double>> values) => Build(wallTime, step, w =>
    {
        using var summary = new MemoryStream();
        Span<byte> f = stackalloc byte[4];
        foreach (var (tag, value) in values)
        {
            using var v = new MemoryStream();
            WriteString(v, 1, tag);
            WriteTag(v, 2, 5);
            BinaryPrimitives.WriteSingleLittleEndian(f, (float)value);
            v.Write(f);
            WriteBytes(summary, 1, v.ToArray());
        }

        WriteBytes(w, 5, summary.ToArray());
    });

    private static byte[] Build(double wallTime, long step, Action<MemoryStream> body)
    {
        using var w = new MemoryStream();
        WriteTag(w, 1, 1);
        Span<byte> d = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(d, wallTime);
        w.Write(d);
        if (step != 0)
        {
            WriteTag(w, 2, 0);
            WriteVarint(w, (ulong)step);
        }

        body(w);
        return w.ToArray();
    }

    private static void WriteString(MemoryStream w, int field, string s) => WriteBytes(w, field, Encoding.UTF8.GetBytes(s));

    private static void WriteBytes(MemoryStream w, int field, byte[] bytes)
    {
        WriteTag(w, field, 2);
        WriteVarint(w, (ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteTag(MemoryStream w, int field, int wireType) => WriteVarint(w, (ulong)((field << 3) | wireType));

    private static void WriteVarint(MemoryStream w, ulong v)
    {
        while (v >= 0x80)
        {
            w.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        w.WriteByte((byte)v);
    }
}
