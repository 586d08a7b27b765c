using System.Text;
using YarnDL.Training.Checkpoints;
using YarnDL.WebHdfs;

namespace YarnDL.Trainer;

/// <summary>Reads the URL the current AM attempt published (<c>YARNDL_AM_URL_FILE</c>): a local path, or an hdfs:// file read over WebHDFS.</summary>
internal sealed class AmUrlFile(string location, Func<string, string?> env, HttpClient? http = null)
{
    private HttpClient? _http = http;

    /// <summary>The URL, or null while the file is missing, half-written or unreachable (the caller retries).</summary>
    public Uri? TryRead()
    {
        var text = IsHdfs(location) ? ReadHdfs() : File.Exists(location) ? File.ReadAllText(location) : null;
        return text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) ? url : null;
    }

    private static bool IsHdfs(string location) =>
        location.StartsWith("hdfs://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("webhdfs://", StringComparison.OrdinalIgnoreCase);

    private string? ReadHdfs()
    {
        var uri = new Uri(location);
        var user = env(CheckpointStores.WebHdfsUserEnv) ?? env("HADOOP_USER_NAME") ?? env("USER") ?? "yarn";
        _http ??= new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            // Called from the trainer's synchronous rediscovery loop; no synchronization context to deadlock on.
            var bytes = new WebHdfsClient(_http, CheckpointStores.NamenodesHttp(uri, env), user).TryOpenAsync(uri.AbsolutePath).GetAwaiter().GetResult();
            return bytes is null ? null : Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is WebHdfsException or HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }
}
