using System.Globalization;
using System.Text.RegularExpressions;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager.LaunchScript;
using YarnDL.MiniCluster.Tokens;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>What ContainerLaunch does on a real NM: dirs, localization, token file, environment, the launch script
/// (<see cref="LaunchScriptWriter"/>), then DefaultContainerExecutor's start of <c>bash launch_container.sh</c>.</summary>
internal sealed partial class ContainerLauncher(MiniClusterOptions options, string hdfsRoot, string confDir)
{
    /// <summary>The local directory that stands for HDFS (WebHDFS serves it).</summary>
    public string HdfsRoot => hdfsRoot;

    [GeneratedRegex(@"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex CrossPlatformVar();

    private readonly ImageStandIn _image = ImageStandIn.Create(options.DockerImageCommands, Path.Combine(Path.GetDirectoryName(confDir)!, "image", "bin"));

    /// <summary>Everything about the container the launcher needs besides the launch spec.</summary>
    internal sealed record Target(ContainerRecord Container, string User, long SubmitTime, bool IsAm);

    public async Task<ContainerProcess> LaunchAsync(Target target, LaunchSpec spec, CancellationToken ct)
    {
        var c = target.Container;
        var node = c.Node;
        var userDir = Path.Combine(node.LocalDir, "usercache", target.User);
        var appDir = Path.Combine(userDir, "appcache", c.AppId);
        var workDir = Path.Combine(appDir, c.Id);
        var logDir = Path.Combine(node.LogDir, c.AppId, c.Id);
        Directory.CreateDirectory(workDir);
        Directory.CreateDirectory(logDir);

        DockerRuntimeValidator.Validate(spec.Environment, options);
        var localized = await Localizer.LocalizeAsync(spec.LocalResources, appDir, hdfsRoot, options.TimeProvider, ct).ConfigureAwait(false);

        var tokenFile = Path.Combine(workDir, "container_tokens");
        await WriteOwnerOnlyAsync(tokenFile, HdtsWriter.Write(spec.Tokens, spec.Secrets), ct).ConfigureAwait(false);

        var env = BuildEnvironment(target, spec, logDir);
        env.AddNodeManagerVar("HADOOP_TOKEN_FILE_LOCATION", tokenFile);
        env.AddAdminEnv();
        AddSanitizedVars(env, target, workDir, appDir, userDir, logDir, localized.Counters);

        var content = new LaunchScriptContent(
            logDir,
            env.Whitelisted(options.EnvWhitelist),
            env.NodeManagerVars,
            env.Remaining,
            localized.Links,
            Expand(string.Join(' ', spec.Commands), logDir));
        var script = Path.Combine(workDir, LaunchScriptWriter.ScriptName);
        await File.WriteAllTextAsync(script, LaunchScriptWriter.Write(content), ct).ConfigureAwait(false);
        var processEnv = new Dictionary<string, string>(env.ProcessEnvironment, StringComparer.Ordinal);
        _image.Apply(spec.Environment, processEnv);
        return ContainerProcess.Start(script, workDir, processEnv, options.TimeProvider);
    }

    /// <summary>The launch context's variables with placeholders expanded, plus what the MiniCluster adds in place of
    /// the RM and the GPU plugin.</summary>
    private ContainerEnvironment BuildEnvironment(Target t, LaunchSpec spec, string logDir)
    {
        var launchEnv = new List<KeyValuePair<string, string>>(spec.Environment.Count + 3);
        launchEnv.AddRange(spec.Environment.Select(e => new KeyValuePair<string, string>(e.Key, Expand(e.Value, logDir))));
        if (t.IsAm && !spec.Environment.ContainsKey("APP_SUBMIT_TIME_ENV"))
            launchEnv.Add(new("APP_SUBMIT_TIME_ENV", t.SubmitTime.ToString(CultureInfo.InvariantCulture)));
        if (t.Container.GpuIndices.Count > 0)
        {
            // The nvidia-docker-v2 plugin exposes assigned GPUs this way; CUDA_VISIBLE_DEVICES lets a
            // non-docker process on a shared host see only its own devices.
            var ids = string.Join(',', t.Container.GpuIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            launchEnv.Add(new("NVIDIA_VISIBLE_DEVICES", ids));
            launchEnv.Add(new("CUDA_VISIBLE_DEVICES", ids));

            // These GPUs exist only in the MiniCluster's books: say so, so a program does not look for CUDA devices.
            launchEnv.Add(new(MiniClusterDefaults.SimulatedGpusVariable, "true"));
        }

        return new ContainerEnvironment(launchEnv, NodeManagerEnv);
    }

    /// <summary>The variables no container can override, in the order the NodeManager sets them.</summary>
    private static void AddSanitizedVars(ContainerEnvironment env, Target t, string workDir, string appDir, string userDir, string logDir, string counters)
    {
        var node = t.Container.Node;
        env.AddNodeManagerVar("CONTAINER_ID", t.Container.Id);
        env.AddNodeManagerVar("NM_PORT", node.RpcPort.ToString(CultureInfo.InvariantCulture));
        env.AddNodeManagerVar("NM_HOST", node.Host);
        env.AddNodeManagerVar("NM_HTTP_PORT", node.HttpPort.ToString(CultureInfo.InvariantCulture));
        env.AddNodeManagerVar("LOCAL_DIRS", appDir);
        env.AddNodeManagerVar("LOCAL_USER_DIRS", userDir + "/");
        env.AddNodeManagerVar("LOG_DIRS", logDir);
        env.AddNodeManagerVar("USER", t.User);
        env.AddNodeManagerVar("LOGNAME", t.User);
        env.AddNodeManagerVar("HOME", MiniClusterDefaults.UserHomeDir);
        env.AddNodeManagerVar("PWD", workDir);
        env.AddNodeManagerVar("LOCALIZATION_COUNTERS", counters);
        env.AddNodeManagerVar("JVM_PID", "$$");
    }

    /// <summary>The NodeManager's own environment: this process's, with HADOOP_CONF_DIR pointing at the cluster's conf dir.</summary>
    private string? NodeManagerEnv(string name) =>
        name == "HADOOP_CONF_DIR" ? confDir : Environment.GetEnvironmentVariable(name);

    /// <summary>Writes the container's credentials readable by their owner only (0600): the work dir may sit under a
    /// shared <c>--work-dir</c>, and the file carries tokens.</summary>
    private static async Task WriteOwnerOnlyAsync(string path, byte[] content, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await file.WriteAsync(content, ct).ConfigureAwait(false);
    }

    internal static string Expand(string text, string logDir) =>
        CrossPlatformVar().Replace(text.Replace("<LOG_DIR>", logDir, StringComparison.Ordinal)
            .Replace("<CPS>", ":", StringComparison.Ordinal)
            .Replace("<ADD_OPENS>", "", StringComparison.Ordinal), m => "$" + m.Groups[1].Value);
}
