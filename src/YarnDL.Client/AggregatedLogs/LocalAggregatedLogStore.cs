namespace YarnDL.Client.AggregatedLogs;

/// <summary>A <c>file://</c> remote app log dir (a local or mounted directory).</summary>
public sealed class LocalAggregatedLogStore : IAggregatedLogStore
{
    public Uri Describe(string path) => new(Uri.UriSchemeFile + "://" + path);

    public Task<IReadOnlyList<string>?> ListFilesAsync(string directory, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>?>(Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : null);

    public Task<byte[]> ReadAsync(string path, CancellationToken ct) => File.ReadAllBytesAsync(path, ct);
}
