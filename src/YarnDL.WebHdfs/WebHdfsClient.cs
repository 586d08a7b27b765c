using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace YarnDL.WebHdfs;

/// <summary>The WebHDFS operations needed to stage files and keep small state files: MKDIRS, two-step CREATE, GETFILESTATUS, LISTSTATUS, OPEN, RENAME.</summary>
public sealed class WebHdfsClient
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly string? _user;

    /// <param name="nameNodeHttp">NameNode web address, e.g. <c>http://nn:9870</c>.</param>
    public WebHdfsClient(HttpClient http, Uri nameNodeHttp, string? user)
    {
        _http = http;
        _base = nameNodeHttp;
        _user = user;
    }

    /// <summary>The namenode's web address this client talks to.</summary>
    public Uri NameNodeHttp => _base;

    public async Task<bool> MkdirsAsync(string path, string permission = "755", CancellationToken ct = default)
    {
        using var r = await SendAsync(HttpMethod.Put, Url(path, "MKDIRS", $"permission={permission}"), null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"MKDIRS {path}", ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), WebHdfsJsonContext.Default.BooleanResult)?.Boolean ?? false;
    }

    /// <summary>CREATE: PUT without body to the NameNode, then PUT the bytes to the DataNode it redirects to (201).</summary>
    public async Task CreateAsync(string path, byte[] content, bool overwrite, string permission = "644", CancellationToken ct = default)
    {
        var overwriteText = overwrite ? "true" : "false";
        using var first = await SendAsync(HttpMethod.Put, Url(path, "CREATE", $"overwrite={overwriteText}&permission={permission}"), null, ct).ConfigureAwait(false);
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

        var data = new ByteArrayContent(content);
        data.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var second = await SendAsync(HttpMethod.Put, location.IsAbsoluteUri ? location : new Uri(_base, location), data, ct).ConfigureAwait(false);
        if (second.StatusCode != HttpStatusCode.Created)
        {
            await EnsureAsync(second, $"CREATE {path} (data)", ct).ConfigureAwait(false);
        }
    }

    public async Task<HdfsFileStatus> GetFileStatusAsync(string path, CancellationToken ct = default)
    {
        using var r = await SendAsync(HttpMethod.Get, Url(path, "GETFILESTATUS", null), null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"GETFILESTATUS {path}", ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), WebHdfsJsonContext.Default.FileStatusEnvelope)?.FileStatus
            ?? throw new WebHdfsException(r.StatusCode, null, $"GETFILESTATUS {path}: no FileStatus");
    }

    /// <summary>LISTSTATUS of a directory: its entries (name in <see cref="HdfsFileStatus.PathSuffix"/>).</summary>
    public async Task<IReadOnlyList<HdfsFileStatus>> ListStatusAsync(string path, CancellationToken ct = default)
    {
        using var r = await SendAsync(HttpMethod.Get, Url(path, "LISTSTATUS", null), null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"LISTSTATUS {path}", ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(await r.Content.ReadAsStringAsync(ct).ConfigureAwait(false), WebHdfsJsonContext.Default.FileStatusesEnvelope)?.FileStatuses?.FileStatus
            ?? throw new WebHdfsException(r.StatusCode, null, $"LISTSTATUS {path}: no FileStatuses");
    }

    /// <summary>OPEN, following the NameNode's redirect to a DataNode.</summary>
    public async Task<byte[]> OpenAsync(string path, CancellationToken ct = default)
    {
        var target = Url(path, "OPEN", null);
        for (var hop = 0; hop < 3; hop++)
        {
            using var r = await SendAsync(HttpMethod.Get, target, null, ct).ConfigureAwait(false);
            if (r.StatusCode == HttpStatusCode.TemporaryRedirect && r.Headers.Location is { } next)
            {
                target = next.IsAbsoluteUri ? next : new Uri(_base, next);
                continue;
            }

            await EnsureAsync(r, $"OPEN {path}", ct).ConfigureAwait(false);
            return await r.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        }

        throw new WebHdfsException(HttpStatusCode.TemporaryRedirect, null, $"OPEN {path}: too many redirects");
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
        var dest = destination.StartsWith('/') ? destination : "/" + destination;
        using var r = await SendAsync(HttpMethod.Put, Url(path, "RENAME", $"destination={Uri.EscapeDataString(dest)}&renameoptions=OVERWRITE"), null, ct).ConfigureAwait(false);
        await EnsureAsync(r, $"RENAME {path} to {dest}", ct).ConfigureAwait(false);
    }

    private Uri Url(string path, string op, string? extra)
    {
        var p = path.StartsWith('/') ? path : "/" + path;
        var user = _user is null ? string.Empty : "&user.name=" + Uri.EscapeDataString(_user);
        var more = extra is null ? string.Empty : "&" + extra;
        return new Uri(_base, $"/webhdfs/v1{Uri.EscapeDataString(p).Replace("%2F", "/", StringComparison.Ordinal)}?op={op}{more}{user}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        if (method != HttpMethod.Get)
        {
            request.Headers.TryAddWithoutValidation("X-XSRF-HEADER", string.Empty);
        }

        try
        {
            return await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new WebHdfsException(null, null, $"WebHDFS at {uri.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", e);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage r, string what, CancellationToken ct)
    {
        if (!r.IsSuccessStatusCode)
        {
            throw await WebHdfsException.FromResponseAsync(r, what, ct).ConfigureAwait(false);
        }
    }
}
