using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace YarnDL.WebHdfs;

/// <summary>The WebHDFS operations needed to stage files and keep small state files: MKDIRS, two-step CREATE,
/// GETFILESTATUS, LISTSTATUS, OPEN, RENAME, DELETE. With several NameNodes (an HA nameservice) a call that meets a standby
/// NameNode or cannot connect fails over to the next one, as Hadoop's WebHdfsFileSystem does.</summary>
public sealed partial class WebHdfsClient
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _nameNodes;
    private readonly string? _user;
    private readonly bool _uploadOverSockets;
    private int _active;

    /// <param name="nameNodeHttp">NameNode web address, e.g. <c>http://nn:9870</c>.</param>
    public WebHdfsClient(HttpClient http, Uri nameNodeHttp, string? user)
        : this(http, [nameNodeHttp], user)
    {
    }

    /// <param name="nameNodes">The NameNodes' web addresses, tried in order (one, or the NameNodes of an HA nameservice).</param>
    /// <param name="uploadOverSockets">Send CREATE's bytes to an <c>http://</c> DataNode over a plain socket so a refusal
    /// sent mid-upload is still read (false: through <paramref name="http"/>, for scripted handlers in tests).</param>
    public WebHdfsClient(HttpClient http, IReadOnlyList<Uri> nameNodes, string? user, bool uploadOverSockets = true)
    {
        ArgumentNullException.ThrowIfNull(nameNodes);
        if (nameNodes.Count == 0)
        {
            throw new ArgumentException("at least one NameNode address is needed", nameof(nameNodes));
        }

        _http = http;
        _nameNodes = nameNodes;
        _user = user;
        _uploadOverSockets = uploadOverSockets;
    }

    /// <summary>The NameNode web address this client talks to now (the last one that answered).</summary>
    public Uri NameNodeHttp => _nameNodes[Volatile.Read(ref _active)];

    /// <summary>All NameNode web addresses, in failover order.</summary>
    public IReadOnlyList<Uri> NameNodes => _nameNodes;

    public async Task<bool> MkdirsAsync(string path, string permission = "755", CancellationToken ct = default)
    {
        using var r = await NameNodeAsync(HttpMethod.Put, path, "MKDIRS", $"permission={permission}", ct).ConfigureAwait(false);
        await EnsureAsync(r, $"MKDIRS {path}", ct).ConfigureAwait(false);
        return ReadBoolean(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
    }

    /// <summary>CREATE: PUT without body to the NameNode, then PUT the bytes to the DataNode it redirects to (201).</summary>
    public async Task CreateAsync(string path, byte[] content, bool overwrite, string permission = "644", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var overwriteText = overwrite ? "true" : "false";
        using var first = await NameNodeAsync(HttpMethod.Put, path, "CREATE", $"overwrite={overwriteText}&permission={permission}", ct).ConfigureAwait(false);
        Uri? location = first.Headers.Location;
        if (first.StatusCode == HttpStatusCode.OK && location is null)
        {
            // noredirect form: {"Location":"…"}
            using var doc = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            location = doc.RootElement.TryGetProperty("Location", out var l) && l.GetString() is { } s ? new Uri(s) : null;
        }
        else if (first.StatusCode != HttpStatusCode.TemporaryRedirect)
        {
            await EnsureAsync(first, $"CREATE {path}", ct).ConfigureAwait(false);
        }

        if (location is null)
        {
            throw new WebHdfsException(first.StatusCode, null, $"CREATE {path}: the NameNode gave no DataNode location");
        }

        location = location.IsAbsoluteUri ? location : new Uri(NameNodeHttp, location);
        await UploadAsync(path, location, content, ct).ConfigureAwait(false);
    }

    public async Task<HdfsFileStatus> GetFileStatusAsync(string path, CancellationToken ct = default)
    {
        using var r = await NameNodeAsync(HttpMethod.Get, path, "GETFILESTATUS", null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"GETFILESTATUS {path}", ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), WebHdfsJsonContext.Default.FileStatusEnvelope)?.FileStatus
            ?? throw new WebHdfsException(r.StatusCode, null, $"GETFILESTATUS {path}: no FileStatus");
    }

    /// <summary>LISTSTATUS of a directory: its entries (name in <see cref="HdfsFileStatus.PathSuffix"/>).</summary>
    public async Task<IReadOnlyList<HdfsFileStatus>> ListStatusAsync(string path, CancellationToken ct = default)
    {
        using var r = await NameNodeAsync(HttpMethod.Get, path, "LISTSTATUS", null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"LISTSTATUS {path}", ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), WebHdfsJsonContext.Default.FileStatusesEnvelope)?.FileStatuses?.FileStatus
            ?? throw new WebHdfsException(r.StatusCode, null, $"LISTSTATUS {path}: no FileStatuses");
    }

    /// <summary>OPEN, following the NameNode's redirect to a DataNode.</summary>
    public async Task<byte[]> OpenAsync(string path, CancellationToken ct = default)
    {
        var r = await NameNodeAsync(HttpMethod.Get, path, "OPEN", null, ct).ConfigureAwait(false);
        try
        {
            for (var hop = 0; hop < 3 && r.StatusCode == HttpStatusCode.TemporaryRedirect && r.Headers.Location is { } next; hop++)
            {
                var target = next.IsAbsoluteUri ? next : new Uri(NameNodeHttp, next);
                var followed = await SendAsync(HttpMethod.Get, target, null, ct).ConfigureAwait(false);
                r.Dispose();
                r = followed;
            }

            await EnsureAsync(r, $"OPEN {path}", ct).ConfigureAwait(false);
            return await r.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            r.Dispose();
        }
    }

    /// <summary>OPEN, or null when the file does not exist (404 FileNotFoundException).</summary>
    public async Task<byte[]?> TryOpenAsync(string path, CancellationToken ct = default)
    {
        try
        {
            return await OpenAsync(path, ct).ConfigureAwait(false);
        }
        catch (WebHdfsException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>RENAME with <c>renameoptions=OVERWRITE</c> (the namenode's rename2: atomic, replaces an existing file, 200 on success).</summary>
    public async Task RenameOverwriteAsync(string path, string destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var dest = destination.StartsWith('/') ? destination : "/" + destination;
        using var r = await NameNodeAsync(HttpMethod.Put, path, "RENAME", $"destination={Uri.EscapeDataString(dest)}&renameoptions=OVERWRITE", ct).ConfigureAwait(false);
        await EnsureAsync(r, $"RENAME {path} to {dest}", ct).ConfigureAwait(false);
    }

    /// <summary>DELETE; false when nothing was there (the NameNode's <c>{"boolean":false}</c>).</summary>
    public async Task<bool> DeleteAsync(string path, bool recursive, CancellationToken ct = default)
    {
        using var r = await NameNodeAsync(HttpMethod.Delete, path, "DELETE", $"recursive={(recursive ? "true" : "false")}", ct).ConfigureAwait(false);
        await EnsureAsync(r, $"DELETE {path}", ct).ConfigureAwait(false);
        return ReadBoolean(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
    }

    private async Task UploadAsync(string path, Uri location, byte[] content, CancellationToken ct)
    {
        var what = $"CREATE {path} (data to {location.GetLeftPart(UriPartial.Authority)})";
        if (_uploadOverSockets && location.Scheme == Uri.UriSchemeHttp)
        {
            DataNodeResponse answer;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (_http.Timeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(_http.Timeout); // the same limit the HttpClient puts on every other call
            }

            try
            {
                answer = await DataNodeUpload.PutAsync(location, content, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new WebHdfsException(null, null, $"{what}: no answer within {_http.Timeout}", e);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                throw new WebHdfsException(null, null, $"{what}: DataNode unreachable: {e.Message}", e);
            }

            if (answer.Status != (int)HttpStatusCode.Created)
            {
                throw WebHdfsException.From((HttpStatusCode)answer.Status, answer.Reason, answer.Body, what);
            }

            return;
        }

        var data = new ByteArrayContent(content);
        data.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var second = await SendAsync(HttpMethod.Put, location, data, ct).ConfigureAwait(false);
        if (second.StatusCode != HttpStatusCode.Created)
        {
            await EnsureAsync(second, what, ct).ConfigureAwait(false);
        }
    }

    private static bool ReadBoolean(string json) =>
        JsonSerializer.Deserialize(json, WebHdfsJsonContext.Default.BooleanResult)?.Boolean ?? false;

    private static async Task EnsureAsync(HttpResponseMessage r, string what, CancellationToken ct)
    {
        if (!r.IsSuccessStatusCode)
        {
            throw await WebHdfsException.FromResponseAsync(r, what, ct).ConfigureAwait(false);
        }
    }
}
