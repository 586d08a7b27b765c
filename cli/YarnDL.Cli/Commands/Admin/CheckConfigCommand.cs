using System.CommandLine;
using YarnDL.Admin.Checks;
using YarnDL.Admin.Output;

namespace YarnDL.Cli.Commands.Admin;

/// <summary>
/// <c>yarndl admin check-config --conf-dir DIR [--container-executor FILE] [--json]</c>: reports every GPU/Docker
/// misconfiguration, one line each. Exit 0 clean, 1 problems, 2 unreadable input.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var confDir = new Option<DirectoryInfo>("--conf-dir")
        {
            Description = "Hadoop configuration directory holding yarn-site.xml (usually $HADOOP_CONF_DIR)",
            Required = true,
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
            var report = new ConfigChecker().Check(result.GetRequiredValue(confDir).FullName, result.GetValue(executor)?.FullName);
            var output = result.InvocationConfiguration.Output;
            Write(report, result.GetValue(json), output);
            return report.ExitCode;
        });
        return command;
    }

    internal static void Write(CheckReport report, bool json, TextWriter output)
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

        if (report.Findings.Count > 0)
        {
            output.WriteLine($"{report.Findings.Count} problem(s) found.");
        }
    }
}
