using System.Net;
using System.Text.Json;

namespace YarnDL.Training.Checkpoints;

/// <summary>Checkpoints in HDFS through the WebHDFS REST API: a save CREATEs a temp file (the namenode answers 307 with
/// the datanode location, where the bytes are PUT), then RENAMEs it over the checkpoint with renameoptions=OVERWRITE
/// (HDFS rename2, atomic in the namenode); a load OPENs the file (following the redirect to a datanode).</summary>
public sealed class WebHdfsCheckpointStore : ICheckpointStore
{
    private readonly HttpClient http;
    private readonly Uri namenode;
    private readonly string directory;
    private readonly string user;

    /// <param name="http">Must not follow redirects itself (the CREATE redirect is answered with a second PUT).</param>
    /// <param name="namenode">The namenode's HTTP address, e.g. http://nn:9870.</param>
    /// <param name="directory">Absolute HDFS directory, e.g. /user/alice/job1/checkpoints.</param>
    public WebHdfsCheckpointStore(HttpClient http, Uri namenode, string directory, string user)
    {
        ArgumentNullException.ThrowIfNull(directory);
        this.http = http;
        this.namenode = namenode;
        this.directory = "/" + directory.Trim('/');
        this.user = user;
    }

    public string PathName => $"hdfs://{namenode.Authority}{FilePath}";

    private string FilePath => $"{directory.TrimEnd('/')}/{CheckpointCodec.FileName}";

    public void Save(CheckpointState state)
    {
        var temp = $"{directory.TrimEnd('/')}/.{CheckpointCodec.FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using var body = new MemoryStream();
        CheckpointCodec.Write(body, state);
        var bytes = body.ToArray();

        using (var first = Send(HttpMethod.Put, temp, "CREATE", "&overwrite=false", null))
        {
            if (first.StatusCode != HttpStatusCode.TemporaryRedirect || first.Headers.Location is not { } datanode)
            {
                throw Failure("CREATE", temp, first);
            }

            using var upload = new HttpRequestMessage(HttpMethod.Put, datanode) { Content = new ByteArrayContent(bytes) };
            upload.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            using var created = http.Send(upload);
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw Failure("CREATE (datanode)", temp, created);
            }
        }

        var destination = Uri.EscapeDataString(FilePath);
        using var renamed = Send(HttpMethod.Put, temp, "RENAME", $"&destination={destination}&renameoptions=OVERWRITE", null);
        if (renamed.StatusCode != HttpStatusCode.OK)
        {
            throw Failure("RENAME", temp, renamed);
        }
    }

    public CheckpointState? TryLoad()
    {
        var response = Send(HttpMethod.Get, FilePath, "OPEN", string.Empty, null);
        try
        {
            for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.Redirect && response.Headers.Location is { } next; hops++)
            {
                response.Dispose();
                response = http.Send(new HttpRequestMessage(HttpMethod.Get, next));
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw Failure("OPEN", FilePath, response);
            }

            using var stream = response.Content.ReadAsStream();
            using var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            buffered.Position = 0;
            return CheckpointCodec.Read(buffered, PathName);
        }
        finally
        {
            response.Dispose();
        }
    }

    private HttpResponseMessage Send(HttpMethod method, string path, string op, string extra, HttpContent? content)
    {
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var uri = new Uri(namenode, $"/webhdfs/v1{escaped}?op={op}&user.name={Uri.EscapeDataString(user)}{extra}");
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        try
        {
            return http.Send(request);
        }
        catch (HttpRequestException e)
        {
            throw new WebHdfsException($"WebHDFS {op} {path} at {namenode}: {e.Message} (is the namenode HTTP address right? set YARNDL_WEBHDFS_URL)", e);
        }
    }

    private WebHdfsException Failure(string op, string path, HttpResponseMessage response)
    {
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        var detail = text;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("RemoteException", out var re))
            {
                detail = $"{re.GetProperty("exception").GetString()}: {re.GetProperty("message").GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep the raw text.
        }

        return new WebHdfsException($"WebHDFS {op} {path} at {namenode} failed with {(int)response.StatusCode} {response.StatusCode}: {detail}");
    }
}
