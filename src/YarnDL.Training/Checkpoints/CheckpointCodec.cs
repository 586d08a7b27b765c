using System.Runtime.InteropServices;
using YarnDL.Training.Model;

namespace YarnDL.Training.Checkpoints;

/// <summary>The checkpoint file format: magic, step, world, global batch, optimizer kind and steps, then the weights
/// and both moment arrays as (int32 length, fp32 little-endian values).</summary>
internal static class CheckpointCodec
{
    public const string FileName = "checkpoint.bin";
    private const long Magic = 0x31544B504C445959; // "YYDLPKT1" little-endian marker

    public static void Write(Stream stream, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(state.Step);
        w.Write(state.WorldSize);
        w.Write(state.GlobalBatch);
        w.Write((int)state.Optimizer);
        w.Write(state.OptimizerSteps);
        WriteArray(w, state.Parameters);
        WriteArray(w, state.First);
        WriteArray(w, state.Second);
        w.Flush();
    }

    public static CheckpointState Read(Stream stream, string name)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadInt64() != Magic)
            {
                throw new InvalidDataException($"{name} is not a YarnDL checkpoint");
            }

            var step = r.ReadInt64();
            var world = r.ReadInt32();
            var batch = r.ReadInt32();
            var kind = (OptimizerKind)r.ReadInt32();
            var optSteps = r.ReadInt64();
            return new CheckpointState(step, world, batch, kind, optSteps, ReadArray(r, name), ReadArray(r, name), ReadArray(r, name));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name} is truncated", e);
        }
    }

    private static void WriteArray(BinaryWriter w, float[] a)
    {
        w.Write(a.Length);
        w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
    }

    private static float[] ReadArray(BinaryReader r, string name)
    {
        var n = r.ReadInt32();
        var a = new float[n];
        var bytes = MemoryMarshal.AsBytes(a.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var got = r.Read(bytes[read..]);
            read += got > 0 ? got : throw new InvalidDataException($"{name} is truncated");
        }

        return a;
    }
}
