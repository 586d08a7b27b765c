using System.Collections.Concurrent;

namespace YarnDL.WebHdfs;

/// <summary>Keeps the cookies a server sets (Hadoop's <c>hadoop.auth</c>) per origin, scheme + host + port, and sends
/// them back only to that origin. A CookieContainer keys cookies by host alone, so a NameNode's signed token would be
/// offered to the ResourceManager or a DataNode on the same host, which rejects its signature. Use it on a handler
/// with <c>UseCookies = false</c>.</summary>
public sealed class OriginCookieHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _jar = new(StringComparer.OrdinalIgnoreCase);

    public OriginCookieHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>The origin key of a request URI: <c>scheme://host:port</c> with the port always written.</summary>
    public static string Origin(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = Origin(request.RequestUri!);
        if (_jar.TryGetValue(origin, out var cookies) && !cookies.IsEmpty)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            var jar = _jar.GetOrAdd(origin, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
            foreach (var header in set)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                var expired = header.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase) || value.Length == 0 || value == "\"\"";
                if (expired)
                {
                    jar.TryRemove(name, out _);
                }
                else
                {
                    jar[name] = value;
                }
            }
        }

        return response;
    }
}
