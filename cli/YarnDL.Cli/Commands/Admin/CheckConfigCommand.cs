using System.CommandLine;
using YarnDL.Admin.Checks;
using YarnDL.Admin.Output;

namespace YarnDL.Cli.Commands.Admin;

/// <summary>
/// <c>yarndl admin check-config [--conf-dir DIR] [--container-executor FILE] [--json]</c>: reports every GPU/Docker
/// misconfiguration, one line each, or one line saying the directory is clean. Exit 0 clean, 2 problems or unreadable input.
/// </summary>
internal static class CheckConfigCommand
{
    /// <param name="getEnv">Environment lookup for the <c>HADOOP_CONF_DIR</c> default (tests inject theirs).</param>
    public static Command Create(Func<string, string?>? getEnv = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;
        var confDir = new Option<DirectoryInfo?>("--conf-dir")
        {
            Description = "Hadoop configuration directory holding yarn-site.xml (default: $HADOOP_CONF_DIR)",
        };
        var executor = new Option<FileInfo?>("--container-executor")
        {
            Description = "container-executor.cfg, when it is not in --conf-dir",
        };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON" };
        var command = new Command("check-config", "Check yarn-site.xml, resource-types.xml, the scheduler file and container-executor.cfg for GPU/Docker problems")
        {
            confDir, executor, json,
        };
        command.SetAction(result =>
        {
            var dir = result.GetValue(confDir)?.FullName ?? getEnv("HADOOP_CONF_DIR");
            if (string.IsNullOrEmpty(dir))
            {
                result.InvocationConfiguration.Error.WriteLine("error: no configuration directory: pass --conf-dir DIR or set HADOOP_CONF_DIR");
                return ExitCodes.BadInput;
            }

            var report = new ConfigChecker().Check(Path.GetFullPath(dir), result.GetValue(executor)?.FullName);
            Write(report, result.GetValue(json), result.InvocationConfiguration.Output, dir);
            return report.ExitCode;
        });
        return command;
    }

    internal static void Write(CheckReport report, bool json, TextWriter output, string confDir)
    {
        if (json)
        {
            output.WriteLine(FindingFormatter.ToJson(report));
            return;
        }

        foreach (var finding in report.Findings)
        {
            output.WriteLine(FindingFormatter.ToText(finding));
        }

        output.WriteLine(report.Findings.Count > 0
            ? $"{report.Findings.Count} problem(s) found."
            : $"ok: {confDir}: no GPU/Docker configuration problems found ({string.Join(", ", report.FilesRead)} read)");
    }
}
