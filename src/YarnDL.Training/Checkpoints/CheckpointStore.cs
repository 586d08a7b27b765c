using System.Runtime.InteropServices;
using YarnDL.Training.Model;

namespace YarnDL.Training.Checkpoints;

/// <summary>One checkpoint file per directory, replaced atomically (write a temp file, flush, rename over).</summary>
public sealed class CheckpointStore(string directory)
{
    public const string FileName = "checkpoint.bin";
    private const long Magic = 0x31544B504C445959; // "YYDLPKT1" little-endian marker

    public string Directory { get; } = directory;

    public string PathName => Path.Combine(Directory, FileName);

    public void Save(CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var w = new BinaryWriter(file))
        {
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
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, PathName, overwrite: true);
    }

    /// <summary>The latest checkpoint, or null when the directory holds none.</summary>
    public CheckpointState? TryLoad()
    {
        if (!File.Exists(PathName))
        {
            return null;
        }

        using var file = File.OpenRead(PathName);
        using var r = new BinaryReader(file);
        if (r.ReadInt64() != Magic)
        {
            throw new InvalidDataException($"{PathName} is not a YarnDL checkpoint");
        }

        var step = r.ReadInt64();
        var world = r.ReadInt32();
        var batch = r.ReadInt32();
        var kind = (OptimizerKind)r.ReadInt32();
        var optSteps = r.ReadInt64();
        return new CheckpointState(step, world, batch, kind, optSteps, ReadArray(r), ReadArray(r), ReadArray(r));
    }

    private static void WriteArray(BinaryWriter w, float[] a)
    {
        w.Write(a.Length);
        w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
    }

    private static float[] ReadArray(BinaryReader r)
    {
        var n = r.ReadInt32();
        var a = new float[n];
        var bytes = MemoryMarshal.AsBytes(a.AsSpan());
        if (r.Read(bytes) != bytes.Length)
        {
            throw new InvalidDataException("checkpoint truncated");
        }

        return a;
    }
}
