using System.Globalization;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.LogAggregation;

/// <summary>
/// What one NodeManager does for an ended application: writes the top-level files of each of its container log dirs into
/// <c>{remote-app-log-dir}/{user}/bucket-logs-tfile/{app sequence mod 10000, 4 digits}/{app id}/{host}_{port}</c> (via a
/// <c>.tmp</c> file renamed at the end, as AppLogAggregatorImpl does), then deletes its local copies.
/// </summary>
internal static class NodeLogAggregator
{
    public static void Upload(NodeRecord node, AppRecord app, string hdfsRoot, string remoteAppLogDir)
    {
        var local = Path.Combine(node.LogDir, app.Id);
        if (!Directory.Exists(local))
        {
            return;
        }

        var containers = Directory.EnumerateDirectories(local).Order(StringComparer.Ordinal)
            .Select(dir => new TFileLogWriter.ContainerLogs(Path.GetFileName(dir),
                [.. Directory.EnumerateFiles(dir).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]))
            .ToList();
        var bytes = TFileLogWriter.Write(app.User, new Dictionary<string, string>(), containers);
        var target = Path.Combine(hdfsRoot, RemoteAppDir(remoteAppLogDir, app).TrimStart('/'));
        Directory.CreateDirectory(target);
        var file = Path.Combine(target, node.NodeId.Replace(':', '_'));
        File.WriteAllBytes(file + ".tmp", bytes);
        File.Move(file + ".tmp", file, overwrite: true);
        Directory.Delete(local, recursive: true);
    }

    /// <summary>LogAggregationUtils.getRemoteAppLogDir with the TFile controller's default suffix.</summary>
    public static string RemoteAppDir(string remoteAppLogDir, AppRecord app) =>
        string.Create(CultureInfo.InvariantCulture, $"{remoteAppLogDir.TrimEnd('/')}/{app.User}/bucket-logs-tfile/{app.Sequence % 10000:D4}/{app.Id}");
}
