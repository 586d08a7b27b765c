using System.Xml;
using System.Xml.Linq;

namespace YarnDL.Yarn.Rest.Configuration;

/// <summary>RM web endpoints: <c>--rm URL[,URL]</c>, else yarn-site.xml under HADOOP_CONF_DIR / YARN_CONF_DIR, else localhost:8088.</summary>
public static class RmEndpointResolver
{
    /// <summary>Resolves endpoints; <paramref name="getEnv"/> reads environment variables (injected for tests).</summary>
    /// <param name="notice">Told, in a sentence, when neither <c>--rm</c> nor a yarn-site.xml named an RM and localhost:8088 is tried.</param>
    /// <exception cref="FormatException">A bad <c>--rm</c>, a yarn-site.xml that is not well-formed, or an address property that is not
    /// host:port; the message names the file, line and property.</exception>
    public static IReadOnlyList<Uri> Resolve(string? rmOption, Func<string, string?> getEnv, Action<string>? notice = null)
    {
        if (!string.IsNullOrWhiteSpace(rmOption))
        {
            return rmOption.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseUrl).ToList();
        }

        var looked = new List<string>();
        if (FindYarnSite(getEnv, looked) is { } site)
        {
            var fromSite = FromYarnSite(site.Document, site.Path);
            if (fromSite.Count > 0)
            {
                return fromSite;
            }

            looked.Add($"{site.Path} sets neither yarn.resourcemanager.webapp.address nor yarn.resourcemanager.hostname");
        }

        var local = Http.RmClientDefaults.LocalRm;
        notice?.Invoke(looked.Count == 0
            ? $"no --rm and neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set: trying {local}"
            : $"no --rm and {string.Join("; ", looked)}: trying {local}");
        return [local];
    }

    /// <summary>The first yarn-site.xml under YARN_CONF_DIR, then HADOOP_CONF_DIR (null when neither has one), parsed.</summary>
    /// <param name="looked">Told where no file was found, for the message that says localhost is tried.</param>
    public static (string Path, XDocument Document, IReadOnlyDictionary<string, string?> Properties)? FindYarnSite(Func<string, string?> getEnv, ICollection<string>? looked = null)
    {
        foreach (var variable in new[] { "YARN_CONF_DIR", "HADOOP_CONF_DIR" })
        {
            if (getEnv(variable) is not { Length: > 0 } dir)
            {
                continue;
            }

            var path = Path.Combine(dir, "yarn-site.xml");
            if (File.Exists(path))
            {
                var doc = Load(path);
                return (path, doc, Properties(doc));
            }

            looked?.Add($"{variable}={dir} has no yarn-site.xml");
        }

        return null;
    }

    private static Dictionary<string, string?> Properties(XDocument site) =>
        site.Descendants("property")
            .Select(p => (Name: p.Element("name")?.Value.Trim(), Value: p.Element("value")?.Value.Trim()))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static XDocument Load(string path)
    {
        try
        {
            return XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FormatException($"{path}:{e.LineNumber}:{e.LinePosition}: not well-formed XML ({e.Message}): fix the file, or pass --rm URL", e);
        }
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
    public static IReadOnlyList<Uri> FromYarnSite(XDocument site, string file = "yarn-site.xml")
    {
        var props = Properties(site);
        string? Get(string k) => props.TryGetValue(k, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        var https = string.Equals(Get("yarn.http.policy"), "HTTPS_ONLY", StringComparison.OrdinalIgnoreCase);
        var (scheme, addressKey, port) = https ? ("https", "yarn.resourcemanager.webapp.https.address", 8090) : ("http", "yarn.resourcemanager.webapp.address", 8088);
        var ha = string.Equals(Get("yarn.resourcemanager.ha.enabled"), "true", StringComparison.OrdinalIgnoreCase);
        var ids = ha ? (Get("yarn.resourcemanager.ha.rm-ids") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (ids.Length == 0)
        {
            var address = Address(addressKey, "yarn.resourcemanager.hostname");
            return address is null ? [] : [address];
        }

        return ids.Select(id => Address($"{addressKey}.{id}", $"yarn.resourcemanager.hostname.{id}")).OfType<Uri>().ToList();

        // The web address from its own property, else from the hostname property and the default port; a value that is not
        // host[:port] names the property and the file.
        Uri? Address(string key, string hostKey)
        {
            var (property, value) = Get(key) is { } a ? (key, a) : Get(hostKey) is { } h ? (hostKey, $"{h}:{port}") : (key, (string?)null);
            if (value is null)
            {
                return null;
            }

            var expanded = Substitute(value, props);
            return Uri.TryCreate($"{scheme}://{expanded}", UriKind.Absolute, out var u) && u.AbsolutePath == "/" && !expanded.Contains("${", StringComparison.Ordinal)
                ? u
                : throw new FormatException($"{file}: {property} = '{expanded}' is not a host:port address (e.g. rm1.example.com:{port}): fix the property, or pass --rm URL");
        }
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
