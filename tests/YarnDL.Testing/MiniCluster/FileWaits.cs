namespace YarnDL.Testing.MiniCluster;

/// <summary>Awaits a file's appearance with a FileSystemWatcher (no polling sleeps).</summary>
public static class FileWaits
{
    /// <summary>Completes once <paramref name="path"/> exists (write it with an atomic rename so it is complete when seen).</summary>
    public static async Task WaitForFileAsync(string path, TimeSpan timeout)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(dir, Path.GetFileName(path));
        watcher.Created += (_, _) => seen.TrySetResult();
        watcher.Renamed += (_, _) => seen.TrySetResult();
        watcher.EnableRaisingEvents = true;
        if (File.Exists(path)) return;
        try
        {
            await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (File.Exists(path))
        {
            // The event was missed but the file is there.
        }
    }
}
