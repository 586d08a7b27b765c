using System.Diagnostics;
using System.IO.Compression;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>
/// Localizes resources as the NodeManager does: each into its own numbered folder of the application's file cache
/// (<c>appcache/APP/filecache/N/</c>; archives unpacked there), which the launch script then links into the work dir.
/// hdfs:/webhdfs: paths map onto the WebHDFS root.
/// </summary>
internal static class Localizer
{
    private static int s_next = 10;

    /// <summary>Returns the links to make (absolute target, link name) and the counters the NodeManager exports.</summary>
    public static async Task<LocalizationResult> LocalizeAsync(IReadOnlyList<LocalResourceSpec> resources, string appDir, string hdfsRoot, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var links = new List<KeyValuePair<string, string>>(resources.Count);
        long bytes = 0;
        foreach (var r in resources)
        {
            var source = ResolveSource(r.Resource, hdfsRoot);
            if (!File.Exists(source) && !Directory.Exists(source))
                throw new ContainerLaunchException($"java.io.FileNotFoundException: File {r.Resource} does not exist");
            var mtime = new DateTimeOffset(File.GetLastWriteTimeUtc(source)).ToUnixTimeMilliseconds();
            if (File.Exists(source) && r.Timestamp != mtime)
                throw new ContainerLaunchException($"java.io.IOException: Resource {r.Resource} changed on src filesystem (expected {r.Timestamp}, was {mtime}");

            var folder = Path.Combine(appDir, "filecache", Interlocked.Increment(ref s_next).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var target = Path.Combine(folder, Path.GetFileName(source.TrimEnd('/')));
            Directory.CreateDirectory(folder);
            if (string.Equals(r.Type, "ARCHIVE", StringComparison.OrdinalIgnoreCase))
                await UnpackAsync(source, target, ct).ConfigureAwait(false);
            else if (Directory.Exists(source))
                CopyDirectory(source, target);
            else
                File.Copy(source, target, overwrite: true);
            bytes += File.Exists(source) ? new FileInfo(source).Length : 0;
            links.Add(new(target, r.Name));
        }

        var millis = (long)time.GetElapsedTime(started).TotalMilliseconds;
        return new LocalizationResult(links, FormattableString.Invariant($"{bytes},0,{resources.Count},0,{millis}"));
    }

    internal static string ResolveSource(string resource, string hdfsRoot)
    {
        if (!Uri.TryCreate(resource, UriKind.Absolute, out var uri))
            throw new ContainerLaunchException($"java.lang.IllegalArgumentException: cannot parse resource URI {resource}");
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        return uri.Scheme switch
        {
            "file" => path,
            "hdfs" or "webhdfs" => Path.Combine(hdfsRoot, path.TrimStart('/')),
            _ => throw new ContainerLaunchException($"java.io.IOException: No FileSystem for scheme \"{uri.Scheme}\""),
        };
    }

    private static async Task UnpackAsync(string source, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(target);
        var lower = source.ToLowerInvariant();
        if (lower.EndsWith(".zip", StringComparison.Ordinal) || lower.EndsWith(".jar", StringComparison.Ordinal))
        {
            await ZipFile.ExtractToDirectoryAsync(source, target, overwriteFiles: true, ct).ConfigureAwait(false);
            return;
        }

        if (lower.EndsWith(".tgz", StringComparison.Ordinal) || lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tar", StringComparison.Ordinal))
        {
            var psi = new ProcessStartInfo("tar") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var a in new[] { "-xf", source, "-C", target }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = await p.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
            await p.WaitForExitAsync(ct).ConfigureAwait(false);
            if (p.ExitCode != 0) throw new ContainerLaunchException($"java.io.IOException: unpacking {source} failed: {err.Trim()}");
            return;
        }

        File.Copy(source, Path.Combine(target, Path.GetFileName(source)), overwrite: true);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest, overwrite: true);
        }
    }
}
