using System.Net;

namespace YarnDL.WebHdfs;

public sealed partial class WebHdfsClient
{
    /// <summary>Sends one NameNode operation, failing over to the next NameNode on a connection failure or a 403
    /// StandbyException; the NameNode that answered becomes the first one tried next time.</summary>
    private async Task<HttpResponseMessage> NameNodeAsync(HttpMethod method, string path, string op, string? extra, CancellationToken ct)
    {
        var start = Volatile.Read(ref _active);
        WebHdfsException? last = null;
        for (var i = 0; i < _nameNodes.Count; i++)
        {
            var index = (start + i) % _nameNodes.Count;
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(method, Url(_nameNodes[index], path, op, extra), null, ct).ConfigureAwait(false);
            }
            catch (WebHdfsException e) when (_nameNodes.Count > 1)
            {
                last = e;
                continue;
            }

            if (_nameNodes.Count > 1 && response.StatusCode == HttpStatusCode.Forbidden)
            {
                await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (RemoteErrorText.Parse(body).Exception == "StandbyException")
                {
                    last = WebHdfsException.From(response.StatusCode, response.ReasonPhrase, body, $"{op} {path} at {_nameNodes[index].Authority}");
                    response.Dispose();
                    continue;
                }
            }

            Volatile.Write(ref _active, index);
            return response;
        }

        var tried = string.Join(", ", _nameNodes.Select(n => n.Authority));
        throw new WebHdfsException(last?.StatusCode, last?.ExceptionName, $"{op} {path}: no active NameNode among {tried}: {last?.Message}", last);
    }

    private Uri Url(Uri nameNode, string path, string op, string? extra)
    {
        var p = path.StartsWith('/') ? path : "/" + path;
        var user = _user is null ? string.Empty : "&user.name=" + Uri.EscapeDataString(_user);
        var more = extra is null ? string.Empty : "&" + extra;
        return new Uri(nameNode, $"/webhdfs/v1{Uri.EscapeDataString(p).Replace("%2F", "/", StringComparison.Ordinal)}?op={op}{more}{user}");
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
}
