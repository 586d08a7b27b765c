using System.Text;
using YarnDL.MiniCluster.NodeManager.LaunchScript;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>
/// The diagnostics a NodeManager reports for a container that exited non-zero: DefaultContainerExecutor's
/// "Exception from container-launch" block, then ContainerLaunch's "Container exited with a non-zero exit code"
/// with the last <see cref="TailBytes"/> of prelaunch.err and of the newest file matching <c>*stderr*</c>/<c>*STDERR*</c>
/// (<c>yarn.nodemanager.container.stderr.tail.bytes</c> and <c>.stderr.pattern</c> at their defaults).
/// </summary>
internal static class ExitDiagnostics
{
    public const int TailBytes = 4 * 1024;

    public static string For(string containerId, int exitCode, string logDir)
    {
        var sb = new StringBuilder();
        if (exitCode is 137 or 143)
        {
            // SIGKILL/SIGTERM: the executor reports a kill, and no log tails are read.
            return sb.Append("Container killed on request. Exit code is ").Append(exitCode)
                .Append("Container exited with a non-zero exit code ").Append(exitCode).Append(". ").ToString();
        }

        sb.Append("Exception from container-launch.\n")
          .Append("Container id: ").Append(containerId).Append('\n')
          .Append("Exit code: ").Append(exitCode).Append('\n');
        sb.Append("Container exited with a non-zero exit code ").Append(exitCode).Append(". ");
        var prelaunch = Path.Combine(logDir, LaunchScriptWriter.PrelaunchErr);
        if (File.Exists(prelaunch))
        {
            sb.Append("Error file: ").Append(LaunchScriptWriter.PrelaunchErr).Append(".\n");
            sb.Append("Last ").Append(TailBytes).Append(" bytes of ").Append(LaunchScriptWriter.PrelaunchErr).Append(" :\n").Append(Tail(prelaunch));
        }

        var errorFiles = Directory.Exists(logDir)
            ? Directory.EnumerateFiles(logDir).Where(f => Path.GetFileName(f) is var n && (n.Contains("stderr", StringComparison.Ordinal) || n.Contains("STDERR", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        if (errorFiles.Count == 0)
        {
            return sb.ToString();
        }

        var newest = errorFiles.MaxBy(File.GetLastWriteTimeUtc)!;
        if (errorFiles.Count > 1)
        {
            sb.Append("Error files: ").Append(string.Join(", ", errorFiles.Select(Path.GetFileName))).Append(".\n");
        }

        sb.Append("Last ").Append(TailBytes).Append(" bytes of ").Append(Path.GetFileName(newest)).Append(" :\n").Append(Tail(newest)).Append('\n');
        return sb.ToString();
    }

    private static string Tail(string file)
    {
        try
        {
            using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var start = Math.Max(0, s.Length - TailBytes);
            s.Position = start;
            var buffer = new byte[s.Length - start];
            s.ReadExactly(buffer);
            return Encoding.UTF8.GetString(buffer);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
