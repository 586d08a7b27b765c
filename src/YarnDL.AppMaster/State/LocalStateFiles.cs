using System.Text;

namespace YarnDL.AppMaster.State;

/// <summary>State files in a local (or NFS-shared) directory.</summary>
internal sealed class LocalStateFiles : IStateFiles
{
    private readonly string _dir;

    public LocalStateFiles(string dir)
    {
        _dir = Path.GetFullPath(dir);
        Directory.CreateDirectory(_dir);
    }

    public string Locate(string name) => Path.Combine(_dir, name);

    public async Task<string?> ReadAsync(string name, CancellationToken ct)
    {
        var file = Locate(name);
        return File.Exists(file) ? await File.ReadAllTextAsync(file, ct).ConfigureAwait(false) : null;
    }

    public async Task WriteAsync(string name, string text, bool ownerOnly, CancellationToken ct)
    {
        var file = Locate(name);
        var tmp = $"{file}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(tmp, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
        }

        File.Move(tmp, file, overwrite: true);
    }

    public Task DeleteDirectoryAsync(CancellationToken ct)
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return Task.CompletedTask;
    }
}
