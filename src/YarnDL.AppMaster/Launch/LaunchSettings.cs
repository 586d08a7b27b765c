namespace YarnDL.AppMaster.Launch;

/// <summary>What every task launch shares: where the AM is, the secret, the runtime and the trainer command.</summary>
internal sealed record LaunchSettings
{
    public required Uri AmUrl { get; init; }

    public required string Secret { get; init; }

    /// <summary>Where every AM attempt publishes its URL (<c>YARNDL_AM_URL_FILE</c>), so tasks follow an AM restart; null: not published.</summary>
    public string? AmUrlFile { get; init; }

    /// <summary>The namenode's HTTP address passed on to tasks (<c>YARNDL_WEBHDFS_URL</c>) for hdfs:// checkpoints and the AM URL file.</summary>
    public Uri? WebHdfsUrl { get; init; }

    public TaskRuntime Runtime { get; init; } = TaskRuntime.Local;

    /// <summary>Command starting the built-in trainer (YARNDL_TRAINER_COMMAND).</summary>
    public string? TrainerCommand { get; init; }

    /// <summary>The trainer archive to localize into every task running the built-in trainer (upload mode).</summary>
    public TaskResource? TrainerBundle { get; init; }

    /// <summary>Docker network; <c>host</c> lets tasks reserve ports the other tasks can reach.</summary>
    public string DockerNetwork { get; init; } = "host";

    /// <summary>Extra docker mounts, <c>src:dst:mode</c>.</summary>
    public IReadOnlyList<string> DockerMounts { get; init; } = [];

    /// <summary>Default image when a role names none.</summary>
    public string? DefaultImage { get; init; }

    /// <summary>Extra environment for every task (e.g. test fault knobs).</summary>
    public IReadOnlyDictionary<string, string> ExtraEnv { get; init; } = new Dictionary<string, string>();
}
