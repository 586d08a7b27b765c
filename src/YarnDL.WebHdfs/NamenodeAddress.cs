namespace YarnDL.WebHdfs;

/// <summary>Finds the namenode's HTTP (WebHDFS) address for an <c>hdfs://</c> or <c>webhdfs://</c> location, the one
/// rule the AM (its state) and the trainers (checkpoints, the AM's URL file) share.</summary>
public static class NamenodeAddress
{
    public const int DefaultHttpPort = 9870;

    /// <summary>An explicit URL (YARNDL_WEBHDFS_URL) wins; else a webhdfs:// location's own authority; else
    /// <c>dfs.namenode.http-address</c> from hdfs-site (a 0.0.0.0 bind address takes the location's host); else a
    /// webhdfs:// <c>fs.defaultFS</c> from core-site; else the location's host on <see cref="DefaultHttpPort"/>.</summary>
    /// <exception cref="ArgumentException">The location names no host and nothing else names the namenode.</exception>
    public static Uri Resolve(Uri location, Uri? explicitUrl, Func<string, string?> hdfsSite, Func<string, string?> coreSite)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(hdfsSite);
        ArgumentNullException.ThrowIfNull(coreSite);
        if (explicitUrl is not null)
        {
            return explicitUrl;
        }

        if (location.Scheme.Equals("webhdfs", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri($"http://{location.Authority}");
        }

        if (hdfsSite("dfs.namenode.http-address") is { Length: > 0 } address)
        {
            return new Uri($"http://{(address.StartsWith("0.0.0.0:", StringComparison.Ordinal) ? location.Host + address[7..] : address)}");
        }

        if (coreSite("fs.defaultFS") is { } fs && fs.StartsWith("webhdfs://", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri($"http://{new Uri(fs).Authority}");
        }

        return string.IsNullOrEmpty(location.Host)
            ? throw new ArgumentException($"{location}: no namenode host; set YARNDL_WEBHDFS_URL or HADOOP_CONF_DIR", nameof(location))
            : new Uri($"http://{location.Host}:{DefaultHttpPort}");
    }
}
