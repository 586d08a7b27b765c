using System.Net;
using YarnDL.Training.Checkpoints;

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
        var namenode = CheckpointStores.NamenodeHttp(uri, env);
        var user = env(CheckpointStores.WebHdfsUserEnv) ?? env("HADOOP_USER_NAME") ?? env("USER") ?? "yarn";
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));
        _http ??= new HttpClient { Timeout = TimeSpan.FromSeconds(10) }; // follows the namenode's 307 to a datanode
        try
        {
            using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(namenode, $"/webhdfs/v1{path}?op=OPEN&user.name={Uri.EscapeDataString(user)}")));
            return response.StatusCode == HttpStatusCode.OK ? new StreamReader(response.Content.ReadAsStream()).ReadToEnd() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }
}
