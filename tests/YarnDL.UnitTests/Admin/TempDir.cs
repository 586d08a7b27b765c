namespace YarnDL.UnitTests.Admin;

/// <summary>A scratch directory deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "yarndl-admin-" + Guid.NewGuid().ToString("N"));

    public void CopyFrom(string source)
    {
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
