using System.Xml;
using System.Xml.Linq;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// Where a cluster's NodeManagers put aggregated logs, as the TFile controller computes it: the directory is
/// <c>yarn.log-aggregation.TFile.remote-app-log-dir</c>, else <c>yarn.nodemanager.remote-app-log-dir</c> (default
/// <c>/tmp/logs</c>); the suffix is <c>yarn.log-aggregation.TFile.remote-app-log-dir-suffix</c>, else
/// <c>yarn.nodemanager.remote-app-log-dir-suffix</c> (default <c>logs</c>) followed by <c>-tfile</c>. A directory without a
/// scheme is on <c>fs.defaultFS</c> (core-site.xml).
/// </summary>
public sealed record AggregatedLogSettings
{
    public const string RemoteDirKey = "yarn.nodemanager.remote-app-log-dir";
    public const string SuffixKey = "yarn.nodemanager.remote-app-log-dir-suffix";
    public const string TFileRemoteDirKey = "yarn.log-aggregation.TFile.remote-app-log-dir";
    public const string TFileSuffixKey = "yarn.log-aggregation.TFile.remote-app-log-dir-suffix";
    public const string DefaultRemoteDir = "/tmp/logs";
    public const string DefaultSuffix = "logs";

    private static readonly string[] ConfDirVariables = ["YARN_CONF_DIR", "HADOOP_CONF_DIR"];

    /// <summary>The remote root log dir as configured: a path, or a URI (<c>hdfs://</c>, <c>webhdfs://</c>, <c>file://</c>).</summary>
    public string RemoteAppLogDir { get; init; } = DefaultRemoteDir;

    /// <summary><c>yarn.nodemanager.remote-app-log-dir-suffix</c> (the pre-3.0 layout uses it as is).</summary>
    public string NodeManagerSuffix { get; init; } = DefaultSuffix;

    /// <summary>The TFile controller's own suffix when configured; else <see cref="NodeManagerSuffix"/> + <c>-tfile</c>.</summary>
    public string? TFileSuffix { get; init; }

    /// <summary><c>fs.defaultFS</c>, which a scheme-less <see cref="RemoteAppLogDir"/> lives on.</summary>
    public string? DefaultFs { get; init; }

    /// <summary><c>dfs.namenode.http-address</c> from hdfs-site.xml, if any.</summary>
    public string? NameNodeHttpAddress { get; init; }

    /// <summary>Which files the values came from (for messages), or "defaults".</summary>
    public string Origin { get; init; } = "defaults";

    public string ControllerSuffix => TFileSuffix is { Length: > 0 } s ? s : NodeManagerSuffix + "-tfile";

    /// <summary>The directory as a URI: a scheme-less path is qualified with <see cref="DefaultFs"/> (else <c>file://</c>).</summary>
    public Uri RootUri()
    {
        if (!RemoteAppLogDir.StartsWith('/') && Uri.TryCreate(RemoteAppLogDir, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        // Only the scheme and authority of fs.defaultFS qualify the path, as Hadoop's Path.makeQualified does:
        // file:/// has an empty authority, hdfs://nn:8020/ a host and port.
        var text = DefaultFs is { Length: > 0 } d ? d.Trim() : "file:///";
        if (text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && text[(colon + 1)..] is "" or "/")
        {
            text = text[..colon] + ":///"; // "file:/" and "file:" name the same root as "file:///"
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var fs) || fs.Scheme.Length == 0)
        {
            throw new FormatException($"fs.defaultFS '{text}' ({Origin}) is not a file system URI such as hdfs://namenode:8020 or file:///");
        }

        return new Uri($"{fs.Scheme}://{fs.Authority}/{RemoteAppLogDir.TrimStart('/')}");
    }

    /// <summary>Reads yarn-site.xml, core-site.xml and hdfs-site.xml from <c>YARN_CONF_DIR</c> or <c>HADOOP_CONF_DIR</c>.</summary>
    /// <exception cref="FormatException">A site file is not well-formed XML (names the file and line).</exception>
    public static AggregatedLogSettings FromConfDir(Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        var dir = ConfDirVariables.Select(getEnv).FirstOrDefault(d => d is { Length: > 0 } && File.Exists(Path.Combine(d, "yarn-site.xml")));
        if (dir is null)
        {
            return new AggregatedLogSettings();
        }

        var yarn = Site(Path.Combine(dir, "yarn-site.xml"));
        var core = Site(Path.Combine(dir, "core-site.xml"));
        var hdfs = Site(Path.Combine(dir, "hdfs-site.xml"));
        return new AggregatedLogSettings
        {
            RemoteAppLogDir = yarn.GetValueOrDefault(TFileRemoteDirKey) is { Length: > 0 } t ? t : yarn.GetValueOrDefault(RemoteDirKey) is { Length: > 0 } r ? r : DefaultRemoteDir,
            NodeManagerSuffix = yarn.GetValueOrDefault(SuffixKey) is { Length: > 0 } s ? s : DefaultSuffix,
            TFileSuffix = yarn.GetValueOrDefault(TFileSuffixKey),
            DefaultFs = core.GetValueOrDefault("fs.defaultFS"),
            NameNodeHttpAddress = hdfs.GetValueOrDefault("dfs.namenode.http-address"),
            Origin = Path.Combine(dir, "yarn-site.xml"),
        };
    }

    private static Dictionary<string, string> Site(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        XDocument doc;
        try
        {
            doc = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FormatException($"{path}:{e.LineNumber}: not well-formed XML ({e.Message}); fix the file or point HADOOP_CONF_DIR elsewhere", e);
        }

        foreach (var p in doc.Root?.Elements("property") ?? [])
        {
            if (p.Element("name")?.Value.Trim() is { Length: > 0 } name)
            {
                values[name] = p.Element("value")?.Value.Trim() ?? string.Empty;
            }
        }

        return values;
    }
}
