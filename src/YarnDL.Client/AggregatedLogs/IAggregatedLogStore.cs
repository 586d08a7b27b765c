namespace YarnDL.Client.AggregatedLogs;

/// <summary>The file system holding the remote app log dir: HDFS over WebHDFS, or a directory this machine can see.</summary>
public interface IAggregatedLogStore
{
    /// <summary>How a path is shown to the user (a WebHDFS or file URL).</summary>
    Uri Describe(string path);

    /// <summary>The names of the files in <paramref name="directory"/>, or null when it does not exist.</summary>
    Task<IReadOnlyList<string>?> ListFilesAsync(string directory, CancellationToken ct);

    Task<byte[]> ReadAsync(string path, CancellationToken ct);
}
