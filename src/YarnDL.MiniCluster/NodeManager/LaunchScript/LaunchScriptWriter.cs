using System.Text;

namespace YarnDL.MiniCluster.NodeManager.LaunchScript;

/// <summary>
/// Writes <c>launch_container.sh</c> line for line as Hadoop 3.4's NodeManager does on Unix
/// (<c>ContainerExecutor.writeLaunchEnv</c> with <c>ContainerLaunch.UnixShellScriptBuilder</c>, debug information on):
/// values go between double quotes verbatim, so bash expands <c>$</c>, backquotes and backslashes in them and a
/// <c>"</c> ends the quoting — exactly what a task sees on a real cluster.
/// </summary>
internal static class LaunchScriptWriter
{
    public const string ScriptName = "launch_container.sh";
    public const string PrelaunchOut = "prelaunch.out";
    public const string PrelaunchErr = "prelaunch.err";
    public const string DirectoryInfo = "directory.info";

    public static string Write(LaunchScriptContent content)
    {
        var sb = new StringBuilder();
        Line(sb, "#!/bin/bash");
        Line(sb);
        Line(sb, "set -o pipefail -e");
        var prelaunchOut = Path.Combine(content.LogDir, PrelaunchOut);
        Line(sb, "export PRELAUNCH_OUT=\"", prelaunchOut, "\"");
        Line(sb, "exec >\"${PRELAUNCH_OUT}\"");
        var prelaunchErr = Path.Combine(content.LogDir, PrelaunchErr);
        Line(sb, "export PRELAUNCH_ERR=\"", prelaunchErr, "\"");
        Line(sb, "exec 2>\"${PRELAUNCH_ERR}\"");

        Echo(sb, "Setting up env variables");
        foreach (var (key, value) in content.Whitelisted)
        {
            Line(sb, "export ", key, "=${", key, ":-\"", value, "\"}");
        }

        foreach (var (key, value) in content.NodeManagerVars.Concat(content.Environment))
        {
            Line(sb, "export ", key, "=\"", value, "\"");
        }

        Echo(sb, "Setting up job resources");
        foreach (var (target, link) in content.Symlinks)
        {
            var parent = Path.GetDirectoryName(link);
            if (!string.IsNullOrEmpty(parent))
            {
                Line(sb, "mkdir -p ", parent);
            }

            Line(sb, "ln -sf -- \"", target, "\" \"", link, "\"");
        }

        Echo(sb, "Copying debugging information");
        var copy = Path.Combine(content.LogDir, ScriptName);
        Line(sb, "# Creating copy of launch script");
        Line(sb, "cp \"", ScriptName, "\" \"", copy, "\"");
        Line(sb, "chmod 640 \"", copy, "\"");
        var info = Path.Combine(content.LogDir, DirectoryInfo);
        Line(sb, "# Determining directory contents");
        Line(sb, "echo \"ls -l:\" 1>\"", info, "\"");
        Line(sb, "ls -l 1>>\"", info, "\"");
        Line(sb, "echo \"find -L . -maxdepth 5 -ls:\" 1>>\"", info, "\"");
        Line(sb, "find -L . -maxdepth 5 -ls 1>>\"", info, "\"");
        Line(sb, "echo \"broken symlinks(find -L . -maxdepth 5 -type l -ls):\" 1>>\"", info, "\"");
        Line(sb, "find -L . -maxdepth 5 -type l -ls 1>>\"", info, "\"");
        Echo(sb, "Launching container");
        Line(sb, "exec /bin/bash -c \"", content.Command, "\"");
        return sb.ToString();
    }

    private static void Echo(StringBuilder sb, string text) => Line(sb, "echo \"", text, "\"");

    private static void Line(StringBuilder sb, params string[] parts)
    {
        foreach (var p in parts)
        {
            sb.Append(p);
        }

        sb.Append('\n');
    }
}
