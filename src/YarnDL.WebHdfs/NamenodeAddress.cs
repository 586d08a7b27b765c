namespace YarnDL.WebHdfs;

/// <summary>Finds the NameNodes' HTTP (WebHDFS) addresses for an <c>hdfs://</c> or <c>webhdfs://</c> location, the one
/// rule the CLI (staging), the AM (its state) and the trainers (checkpoints, the AM's URL file) share. It follows
/// Hadoop: a location without authority (<c>hdfs:///x</c>) is on <c>fs.defaultFS</c>; an authority listed in
/// <c>dfs.nameservices</c> (or with <c>dfs.ha.namenodes.&lt;ns&gt;</c>) is an HA nameservice whose NameNodes are
/// <c>dfs.namenode.http-address.&lt;ns&gt;.&lt;nn&gt;</c>; otherwise <c>dfs.namenode.http-address</c>, where a
/// 0.0.0.0 host means the file system's host; without it the file system's host on port 9870.</summary>
public static class NamenodeAddress
{
    public const int DefaultHttpPort = 9870;

    /// <summary>The first NameNode of <see cref="ResolveAll"/>.</summary>
    public static Uri Resolve(Uri location, Uri? explicitUrl, Func<string, string?> hdfsSite, Func<string, string?> coreSite) =>
        ResolveAll(location, explicitUrl, hdfsSite, coreSite)[0];

    /// <summary>The NameNodes to try, in order: an explicit URL (YARNDL_WEBHDFS_URL) alone when given.</summary>
    /// <exception cref="ArgumentException">Nothing names the NameNode, or an HA nameservice lacks an address.</exception>
    public static IReadOnlyList<Uri> ResolveAll(Uri location, Uri? explicitUrl, Func<string, string?> hdfsSite, Func<string, string?> coreSite)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(hdfsSite);
        ArgumentNullException.ThrowIfNull(coreSite);
        if (explicitUrl is not null)
        {
            return [explicitUrl];
        }

        var fs = location;
        if (string.IsNullOrEmpty(location.Host))
        {
            var defaultFs = coreSite("fs.defaultFS");
            if (defaultFs is null || !Uri.TryCreate(defaultFs.Trim(), UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host)
                || parsed.Scheme is not ("hdfs" or "webhdfs"))
            {
                throw new ArgumentException(
                    $"{location}: names no NameNode and fs.defaultFS in core-site.xml is '{defaultFs ?? "unset"}', not hdfs://HOST[:PORT]; "
                    + "set HADOOP_CONF_DIR to the cluster's configuration, write the host into the URI, or set YARNDL_WEBHDFS_URL", nameof(location));
            }

            fs = parsed;
        }

        if (HaNameNodes(fs.Host, hdfsSite) is { } ha)
        {
            return ha;
        }

        if (fs.Scheme.Equals("webhdfs", StringComparison.OrdinalIgnoreCase))
        {
            return [new Uri($"http://{fs.Host}:{(fs.IsDefaultPort || fs.Port < 0 ? DefaultHttpPort : fs.Port)}")];
        }

        if (hdfsSite("dfs.namenode.http-address") is { Length: > 0 } address)
        {
            var (host, port) = HostPort(address.Trim(), "dfs.namenode.http-address");
            return [new Uri($"http://{(host == "0.0.0.0" ? fs.Host : host)}:{port}")];
        }

        return [new Uri($"http://{fs.Host}:{DefaultHttpPort}")];
    }

    private static Uri[]? HaNameNodes(string nameservice, Func<string, string?> hdfsSite)
    {
        var listed = (hdfsSite("dfs.nameservices") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = hdfsSite($"dfs.ha.namenodes.{nameservice}");
        if (!listed.Contains(nameservice, StringComparer.Ordinal) && ids is null)
        {
            return null;
        }

        var names = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            // A nameservice without HA: its single NameNode's address is keyed by the nameservice alone.
            return hdfsSite($"dfs.namenode.http-address.{nameservice}") is { Length: > 0 } single
                ? [Http(single, $"dfs.namenode.http-address.{nameservice}")]
                : throw new ArgumentException(
                    $"nameservice '{nameservice}' (dfs.nameservices) has no dfs.ha.namenodes.{nameservice} and no dfs.namenode.http-address.{nameservice} in hdfs-site.xml",
                    nameof(nameservice));
        }

        return [.. names.Select(nn =>
        {
            var key = $"dfs.namenode.http-address.{nameservice}.{nn}";
            return hdfsSite(key) is { Length: > 0 } a
                ? Http(a, key)
                : throw new ArgumentException($"HA NameNode '{nn}' of nameservice '{nameservice}' has no {key} in hdfs-site.xml", nameof(nameservice));
        })];
    }

    private static Uri Http(string address, string key)
    {
        var (host, port) = HostPort(address.Trim(), key);
        return new Uri($"http://{host}:{port}");
    }

    private static (string Host, int Port) HostPort(string address, string key)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address[(colon + 1)..], out var port) && port is > 0 and < 65536
            ? (address[..colon], port)
            : throw new ArgumentException($"{key} = '{address}' in hdfs-site.xml is not HOST:PORT", nameof(address));
    }
}
