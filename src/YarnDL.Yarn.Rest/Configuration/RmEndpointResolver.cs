using System.Xml.Linq;

namespace YarnDL.Yarn.Rest.Configuration;

/// <summary>RM web endpoints: <c>--rm URL[,URL]</c>, else yarn-site.xml under HADOOP_CONF_DIR / YARN_CONF_DIR, else localhost:8088.</summary>
public static class RmEndpointResolver
{
    /// <summary>Resolves endpoints; <paramref name="getEnv"/> reads environment variables (injected for tests).</summary>
    public static IReadOnlyList<Uri> Resolve(string? rmOption, Func<string, string?> getEnv)
    {
        if (!string.IsNullOrWhiteSpace(rmOption))
        {
            return rmOption.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseUrl).ToList();
        }

        foreach (var variable in new[] { "YARN_CONF_DIR", "HADOOP_CONF_DIR" })
        {
            if (getEnv(variable) is { Length: > 0 } dir && File.Exists(Path.Combine(dir, "yarn-site.xml")))
            {
                var fromSite = FromYarnSite(XDocument.Load(Path.Combine(dir, "yarn-site.xml")));
                if (fromSite.Count > 0)
                {
                    return fromSite;
                }
            }
        }

        return [Http.RmClientDefaults.LocalRm];
    }

    /// <summary>Parses one <c>--rm</c> entry; a bare <c>host:port</c> gets <c>http://</c>.</summary>
    public static Uri ParseUrl(string text)
    {
        var t = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(t, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new FormatException($"'{text}' is not an RM URL (expected http(s)://host:port)");
    }

    /// <summary>Endpoints from yarn-site.xml properties (HA rm-ids, webapp addresses, yarn.http.policy).</summary>
    public static IReadOnlyList<Uri> FromYarnSite(XDocument site)
    {
        var props = site.Descendants("property")
            .Select(p => (Name: p.Element("name")?.Value.Trim(), Value: p.Element("value")?.Value.Trim()))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        string? Get(string k) => props.TryGetValue(k, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        var https = string.Equals(Get("yarn.http.policy"), "HTTPS_ONLY", StringComparison.OrdinalIgnoreCase);
        var (scheme, addressKey, port) = https ? ("https", "yarn.resourcemanager.webapp.https.address", 8090) : ("http", "yarn.resourcemanager.webapp.address", 8088);
        var ha = string.Equals(Get("yarn.resourcemanager.ha.enabled"), "true", StringComparison.OrdinalIgnoreCase);
        var ids = ha ? (Get("yarn.resourcemanager.ha.rm-ids") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (ids.Length == 0)
        {
            var address = Get(addressKey) ?? (Get("yarn.resourcemanager.hostname") is { } h ? $"{h}:{port}" : null);
            return address is null ? [] : [new Uri($"{scheme}://{Substitute(address, props)}")];
        }

        return ids.Select(id => Get($"{addressKey}.{id}") ?? (Get($"yarn.resourcemanager.hostname.{id}") is { } h ? $"{h}:{port}" : null))
            .Where(a => a is not null)
            .Select(a => new Uri($"{scheme}://{Substitute(a!, props)}"))
            .ToList();
    }

    private static string Substitute(string value, Dictionary<string, string?> props)
    {
        // Hadoop's ${var} expansion, one level: the common ${yarn.resourcemanager.hostname}:8088 default.
        foreach (var (k, v) in props)
        {
            value = value.Replace("${" + k + "}", v, StringComparison.Ordinal);
        }

        return value;
    }
}
