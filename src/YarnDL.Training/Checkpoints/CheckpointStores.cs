using System.Xml.Linq;
using YarnDL.WebHdfs;

namespace YarnDL.Training.Checkpoints;

/// <summary>Picks the store for a checkpoint location: a local directory, or <c>hdfs://[authority]/path</c> through WebHDFS.
/// The NameNodes' HTTP addresses come from <c>YARNDL_WEBHDFS_URL</c> (e.g. http://nn:9870), else from
/// $HADOOP_CONF_DIR as <see cref="NamenodeAddress"/> reads it (every NameNode of an HA nameservice, tried in turn past a
/// standby or an unreachable one; <c>dfs.namenode.http-address</c>; a <c>webhdfs://host:port</c> fs.defaultFS), else
/// the hdfs:// URI's host on port 9870. The user is <c>YARNDL_WEBHDFS_USER</c>, else HADOOP_USER_NAME, else USER.</summary>
public static class CheckpointStores
{
    public const string WebHdfsUrlEnv = "YARNDL_WEBHDFS_URL";
    public const string WebHdfsUserEnv = "YARNDL_WEBHDFS_USER";

    /// <summary>Null when <paramref name="location"/> is empty.</summary>
    internal static ICheckpointStore? Create(string? location, Func<string, string?> env, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        if (!location.StartsWith("hdfs://", StringComparison.OrdinalIgnoreCase) && !location.StartsWith("webhdfs://", StringComparison.OrdinalIgnoreCase))
        {
            return new CheckpointStore(location);
        }

        var uri = new Uri(location);
        var namenodes = NamenodesHttp(uri, env);
        var user = env(WebHdfsUserEnv) ?? env("HADOOP_USER_NAME") ?? env("USER") ?? "yarn";
        http ??= new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(5) };
        return new WebHdfsCheckpointStore(http, namenodes, uri, user);
    }

    /// <summary>The NameNodes' HTTP addresses for <paramref name="location"/>, in the order to try them (see
    /// <see cref="NamenodeAddress.ResolveAll"/>), with the site files read from $HADOOP_CONF_DIR.</summary>
    public static IReadOnlyList<Uri> NamenodesHttp(Uri location, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var conf = env("HADOOP_CONF_DIR") is { Length: > 0 } dir ? dir : null;
        return NamenodeAddress.ResolveAll(
            location,
            env(WebHdfsUrlEnv) is { Length: > 0 } explicitUrl ? new Uri(explicitUrl) : null,
            name => conf is null ? null : Property(Path.Combine(conf, "hdfs-site.xml"), name),
            name => conf is null ? null : Property(Path.Combine(conf, "core-site.xml"), name));
    }

    private static string? Property(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var doc = XDocument.Load(file);
        return doc.Root?.Elements("property")
            .Where(p => (string?)p.Element("name") == name)
            .Select(p => ((string?)p.Element("value"))?.Trim())
            .LastOrDefault(v => !string.IsNullOrEmpty(v));
    }
}
