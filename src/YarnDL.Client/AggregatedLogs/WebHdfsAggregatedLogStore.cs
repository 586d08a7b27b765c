using YarnDL.WebHdfs;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>A remote app log dir in HDFS, read over WebHDFS (LISTSTATUS, OPEN).</summary>
public sealed class WebHdfsAggregatedLogStore(WebHdfsClient client) : IAggregatedLogStore
{
    public Uri Describe(string path) => new(client.NameNodeHttp, "/webhdfs/v1" + path + "?op=OPEN");

    public async Task<IReadOnlyList<string>?> ListFilesAsync(string directory, CancellationToken ct)
    {
        try
        {
            var entries = await client.ListStatusAsync(directory, ct).ConfigureAwait(false);
            return [.. entries.Where(e => e.Type == "FILE" && e.PathSuffix is { Length: > 0 }).Select(e => e.PathSuffix!)];
        }
        catch (WebHdfsException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<byte[]> ReadAsync(string path, CancellationToken ct) => client.OpenAsync(path, ct);
}
