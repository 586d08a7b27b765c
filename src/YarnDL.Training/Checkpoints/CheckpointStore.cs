namespace YarnDL.Training.Checkpoints;

/// <summary>One checkpoint file per local directory, replaced atomically (write a temp file, flush, rename over).</summary>
internal sealed class CheckpointStore(string directory) : ICheckpointStore
{
    public const string FileName = CheckpointCodec.FileName;

    public string Directory { get; } = directory;

    public string PathName => Path.Combine(Directory, FileName);

    public void Save(CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            CheckpointCodec.Write(file, state);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, PathName, overwrite: true);
    }

    public CheckpointState? TryLoad()
    {
        if (!File.Exists(PathName))
        {
            return null;
        }

        using var file = File.OpenRead(PathName);
        return CheckpointCodec.Read(file, PathName);
    }
}
