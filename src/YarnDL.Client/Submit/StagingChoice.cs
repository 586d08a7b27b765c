using YarnDL.WebHdfs;

namespace YarnDL.Client.Submit;

/// <summary>Where <c>submit</c> stages, as Hadoop clients decide it: on the default file system. An explicit
/// <c>--webhdfs</c> URL (or YARNDL_WEBHDFS) names the NameNode; otherwise <c>--default-fs</c> (or YARNDL_DEFAULT_FS,
/// else <c>fs.defaultFS</c> from $HADOOP_CONF_DIR/core-site.xml) decides: <c>hdfs://</c> or <c>webhdfs://</c> stages in
/// HDFS through the NameNodes hdfs-site.xml names, anything else (<c>file:///</c>, unset) on the local file system.</summary>
public static class StagingChoice
{
    /// <param name="webHdfs">The <c>--webhdfs</c> URL or YARNDL_WEBHDFS, parsed; null when neither was given.</param>
    /// <param name="defaultFs">The <c>--default-fs</c> option or YARNDL_DEFAULT_FS; null when neither was given.</param>
    /// <param name="env">Environment lookup (HADOOP_CONF_DIR).</param>
    public static IJobStager Choose(Uri? webHdfs, string? defaultFs, string user, Func<string, string?> env, Func<HttpClient> http, string localRoot)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(http);
        var conf = env("HADOOP_CONF_DIR") is { Length: > 0 } dir ? dir : null;
        var coreSite = HadoopSiteFile.Reader(conf, "core-site.xml");
        var fs = defaultFs ?? coreSite("fs.defaultFS");
        if (webHdfs is not null)
        {
            return new WebHdfsStager(new WebHdfsClient(http(), webHdfs, user), fs ?? $"hdfs://{webHdfs.Host}:8020", user, tellAm: true);
        }

        if (fs is null || !Uri.TryCreate(fs, UriKind.Absolute, out var fsUri) || fsUri.Scheme is not ("hdfs" or "webhdfs"))
        {
            return new LocalStager(localRoot);
        }

        var nameNodes = NamenodeAddress.ResolveAll(fsUri, null, HadoopSiteFile.Reader(conf, "hdfs-site.xml"), coreSite);
        return new WebHdfsStager(new WebHdfsClient(http(), nameNodes, user), $"{fsUri.Scheme}://{fsUri.Authority}", user, tellAm: false);
    }
}
