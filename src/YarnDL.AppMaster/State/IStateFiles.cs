namespace YarnDL.AppMaster.State;

/// <summary>The directory where an application's AM attempts keep what the next attempt and the running tasks need.</summary>
internal interface IStateFiles
{
    /// <summary>Where a task reads file <paramref name="name"/> from: a local path or an <c>hdfs://</c> URI.</summary>
    string Locate(string name);

    /// <summary>The file's text, or null when it does not exist.</summary>
    Task<string?> ReadAsync(string name, CancellationToken ct);

    /// <summary>Replaces the file atomically (written aside, then renamed over it); <paramref name="ownerOnly"/> makes it 600.</summary>
    Task WriteAsync(string name, string text, bool ownerOnly, CancellationToken ct);

    /// <summary>Deletes the whole directory (the application's staging directory) with what it holds.</summary>
    Task DeleteDirectoryAsync(CancellationToken ct);
}
