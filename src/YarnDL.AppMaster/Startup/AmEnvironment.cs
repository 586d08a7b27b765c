using YarnDL.AppMaster.Launch;
using YarnDL.Spec;

namespace YarnDL.AppMaster.Startup;

/// <summary>What the NM and the submitting client put in the AM container's environment, read and checked once.</summary>
internal sealed record AmEnvironment
{
    public required string ContainerId { get; init; }

    public required AttemptIdentity Attempt { get; init; }

    public required string NmHost { get; init; }

    public required string TokenFile { get; init; }

    public required string PlanFile { get; init; }

    public string? HadoopConfDir { get; init; }

    public string? TrainerCommand { get; init; }

    /// <summary>The trainer archive tasks localize (<c>YARNDL_TRAINER_BUNDLE</c>, upload mode).</summary>
    public TaskResource? TrainerBundle { get; init; }

    public TaskRuntime Runtime { get; init; }

    public string? StagingDir { get; init; }

    /// <summary>The namenode's HTTP address (<c>YARNDL_WEBHDFS_URL</c>), null when not given.</summary>
    public Uri? WebHdfsUrl { get; init; }

    public string User { get; init; } = "unknown";

    /// <summary>Reads the environment; throws <see cref="StartupException"/> listing every missing or bad value.</summary>
    public static AmEnvironment Read(Func<string, string?> env, string? planOverride = null)
    {
        var problems = new List<string>();
        string Required(string name)
        {
            var v = env(name);
            if (string.IsNullOrWhiteSpace(v))
            {
                problems.Add($"{name} is not set");
                return string.Empty;
            }

            return v;
        }

        var containerId = Required("CONTAINER_ID");
        var nmHost = Required("NM_HOST");
        var tokens = Required("HADOOP_TOKEN_FILE_LOCATION");
        var plan = planOverride ?? env(AmEnv.JobFile) ?? "job.yaml";
        AttemptIdentity? attempt = null;
        if (containerId.Length > 0)
        {
            try
            {
                attempt = AttemptIdentity.FromContainerId(containerId);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        var runtimeText = env(AmEnv.TaskRuntime) ?? "local";
        if (!Enum.TryParse<TaskRuntime>(runtimeText, ignoreCase: true, out var runtime))
        {
            problems.Add($"{AmEnv.TaskRuntime} must be 'image' or 'local' (got '{runtimeText}')");
        }

        Uri? webHdfs = null;
        if (env(AmEnv.WebHdfsUrl) is { Length: > 0 } webHdfsText && !Uri.TryCreate(webHdfsText, UriKind.Absolute, out webHdfs))
        {
            problems.Add($"{AmEnv.WebHdfsUrl} must be an absolute URL such as http://namenode:9870 (got '{webHdfsText}')");
        }

        if (problems.Count > 0)
        {
            throw new StartupException(problems);
        }

        return new AmEnvironment
        {
            ContainerId = containerId,
            Attempt = attempt!,
            NmHost = nmHost,
            TokenFile = tokens,
            PlanFile = plan,
            HadoopConfDir = env("HADOOP_CONF_DIR"),
            TrainerCommand = env(AmEnv.TrainerCommand),
            TrainerBundle = env(AmEnv.TrainerBundle) is { Length: > 0 } bundle ? TaskResource.Parse(AmEnv.TrainerLink, AmEnv.TrainerBundle, bundle) : null,
            Runtime = runtime,
            StagingDir = env(AmEnv.StagingDir),
            WebHdfsUrl = webHdfs,
            User = env(AmEnv.SubmitUser) ?? env("USER") ?? "unknown",
        };
    }
}
