using System.Text.Json;
using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Plan;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Launch;

/// <summary>Builds the launch context of a task: task env per <see cref="TaskEnv"/>, docker runtime env, and the command with log redirection.</summary>
internal static class LaunchContextFactory
{
    public const string LogDir = "<LOG_DIR>";

    /// <summary>The trainer's verb that launches the program of a <c>command:</c> role (<c>yarndl-trainer exec</c>).</summary>
    public const string ExecVerb = "exec";

    public static LaunchSpec Build(ClusterSession cluster, TaskSlot slot, JobPlan plan, LaunchSettings settings)
    {
        var role = cluster.Plan.Roles.First(r => r.Name == slot.Role);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.WebHdfsUrl is { } webHdfs)
        {
            env[Spec.AmEnv.WebHdfsUrl] = webHdfs.ToString();
        }

        foreach (var (k, v) in settings.ExtraEnv)
        {
            env[k] = v;
        }

        foreach (var (k, v) in role.Env)
        {
            env[k] = v;
        }

        env[TaskEnv.AmUrl] = settings.AmUrl.ToString();
        env[TaskEnv.Secret] = settings.Secret;
        if (settings.AmUrlFile is { } urlFile)
        {
            env[TaskEnv.AmUrlFile] = urlFile;
        }

        env[TaskEnv.ClusterId] = cluster.Id;
        env[TaskEnv.Role] = slot.Role;
        env[TaskEnv.Index] = slot.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env[TaskEnv.Generation] = cluster.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env[TaskEnv.HyperParameters] = TaskEnvValue.Encode(JsonSerializer.Serialize(cluster.Plan.HyperParameters, LaunchJson.Default.IReadOnlyDictionaryStringString));
        if (cluster.Plan.Trainer is { } trainerSpec)
        {
            env[TaskEnv.TrainerConfig] = TaskEnvValue.Encode(TrainerSettingsMap.Of(trainerSpec, plan.Checkpoint).ToJson());
        }

        if (plan.Checkpoint?.Dir is { } dir)
        {
            env[TaskEnv.CheckpointDir] = $"{dir.TrimEnd('/')}/{cluster.Id}";
        }

        if (settings.Runtime == TaskRuntime.Image)
        {
            var image = role.Image ?? settings.DefaultImage
                ?? throw new InvalidOperationException($"role '{role.Name}' of cluster '{cluster.Id}' has no image and the task runtime is 'image'");
            env["YARN_CONTAINER_RUNTIME_TYPE"] = "docker";
            env["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] = image;
            env["YARN_CONTAINER_RUNTIME_DOCKER_CONTAINER_NETWORK"] = settings.DockerNetwork;
            if (settings.DockerMounts.Count > 0)
            {
                env["YARN_CONTAINER_RUNTIME_DOCKER_MOUNTS"] = string.Join(',', settings.DockerMounts);
            }
        }

        var trainer = settings.TrainerCommand
            ?? throw new InvalidOperationException($"role '{role.Name}' needs the trainer executable (it trains, and it launches `command:` programs) and YARNDL_TRAINER_COMMAND is not set");
        var program = trainer;
        if (role.Command is { } user)
        {
            // The trainer's exec verb joins the cluster (port, registration, TF_CONFIG/RANK...) and then runs the user's
            // command under bash -c; the command travels encoded so the launch script's quoting never touches it.
            env[TaskEnv.Command] = TaskEnvValue.Encode(user);
            program = $"{trainer} {ExecVerb}";
        }

        var command = $"{Grouped(program)} 1>{LogDir}/{slot.Role}-{slot.Index}.stdout 2>{LogDir}/{slot.Role}-{slot.Index}.stderr";
        // A command role needs the shipped trainer as much as a training role: its exec verb is the task launcher.
        var resources = settings.TrainerBundle is { } bundle ? [bundle] : Array.Empty<TaskResource>();
        return new LaunchSpec(env, command) { LocalResources = resources };
    }

    /// <summary>The NM runs the command under <c>bash -c</c>, where a redirection binds to the last simple command only;
    /// a program with shell operators (<c>a; b</c>, <c>a &amp;&amp; b</c>, pipes) runs in a subshell so all of its output
    /// reaches the task's log files.</summary>
    internal static string Grouped(string program) =>
        program.AsSpan().IndexOfAny(ShellOperators) >= 0 ? $"( {program.Trim()}\n)" : program;

    private static readonly System.Buffers.SearchValues<char> ShellOperators = System.Buffers.SearchValues.Create(";&|\n");
}
