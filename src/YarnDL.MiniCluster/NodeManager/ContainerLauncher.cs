using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.Tokens;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>What ContainerLaunch does on a real NM: dirs, localization, token file, environment, launch script.</summary>
internal sealed partial class ContainerLauncher(MiniClusterOptions options, string hdfsRoot, string confDir)
{
    [GeneratedRegex(@"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex CrossPlatformVar();

    /// <summary>Everything about the container the launcher needs besides the launch spec.</summary>
    internal sealed record Target(ContainerRecord Container, string User, long SubmitTime, bool IsAm);

    public async Task<ContainerProcess> LaunchAsync(Target target, LaunchSpec spec, CancellationToken ct)
    {
        var c = target.Container;
        var node = c.Node;
        var appDir = Path.Combine(node.LocalDir, "usercache", target.User, "appcache", c.AppId);
        var workDir = Path.Combine(appDir, c.Id);
        var logDir = Path.Combine(node.LogDir, c.AppId, c.Id);
        Directory.CreateDirectory(workDir);
        Directory.CreateDirectory(logDir);

        DockerRuntimeValidator.Validate(spec.Environment, options);
        await Localizer.LocalizeAsync(spec.LocalResources, workDir, hdfsRoot, ct).ConfigureAwait(false);

        var tokenFile = Path.Combine(workDir, "container_tokens");
        await File.WriteAllBytesAsync(tokenFile, HdtsWriter.Write(spec.Tokens, spec.Secrets), ct).ConfigureAwait(false);

        var env = BuildEnvironment(target, spec, workDir, appDir, logDir, tokenFile);
        var command = Expand(string.Join(' ', spec.Commands), logDir);
        var script = Path.Combine(workDir, "launch_container.sh");
        await File.WriteAllTextAsync(script, BuildScript(command, logDir), ct).ConfigureAwait(false);
        return ContainerProcess.Start(script, workDir, env, options.TimeProvider);
    }

    private Dictionary<string, string> BuildEnvironment(Target t, LaunchSpec spec, string workDir, string appDir, string logDir, string tokenFile)
    {
        var c = t.Container;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in spec.Environment) env[k] = Expand(v, logDir);
        env.TryAdd("HADOOP_CONF_DIR", confDir);
        env["CONTAINER_ID"] = c.Id;
        env["NM_HOST"] = c.Node.Host;
        env["NM_PORT"] = c.Node.RpcPort.ToString(CultureInfo.InvariantCulture);
        env["NM_HTTP_PORT"] = c.Node.HttpPort.ToString(CultureInfo.InvariantCulture);
        env["LOCAL_DIRS"] = appDir;
        env["LOCAL_USER_DIRS"] = Path.GetDirectoryName(Path.GetDirectoryName(appDir))!;
        env["LOG_DIRS"] = logDir;
        env["USER"] = t.User;
        env["LOGNAME"] = t.User;
        env["HOME"] = "/home/";
        env["PWD"] = workDir;
        env["HADOOP_TOKEN_FILE_LOCATION"] = tokenFile;
        if (t.IsAm) env["APP_SUBMIT_TIME_ENV"] = t.SubmitTime.ToString(CultureInfo.InvariantCulture);
        if (c.GpuIndices.Count > 0)
        {
            // The nvidia-docker-v2 plugin exposes assigned GPUs this way; CUDA_VISIBLE_DEVICES lets a
            // non-docker process on a shared host see only its own devices.
            var ids = string.Join(',', c.GpuIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            env["NVIDIA_VISIBLE_DEVICES"] = ids;
            env["CUDA_VISIBLE_DEVICES"] = ids;

            // These GPUs exist only in the MiniCluster's books: say so, so a program does not look for CUDA devices.
            env[MiniClusterDefaults.SimulatedGpusVariable] = "true";
        }

        return env;
    }

    internal static string Expand(string text, string logDir) =>
        CrossPlatformVar().Replace(text.Replace("<LOG_DIR>", logDir, StringComparison.Ordinal)
            .Replace("<CPS>", ":", StringComparison.Ordinal)
            .Replace("<ADD_OPENS>", "", StringComparison.Ordinal), m => "$" + m.Groups[1].Value);

    private static string BuildScript(string command, string logDir)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append("exec 1>>").Append(Quote(Path.Combine(logDir, "prelaunch.out")))
          .Append(" 2>>").Append(Quote(Path.Combine(logDir, "prelaunch.err"))).Append('\n');
        sb.Append("export JVM_PID=\"$$\"\n");
        sb.Append("exec /bin/bash -c ").Append(Quote(command)).Append('\n');
        return sb.ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}
