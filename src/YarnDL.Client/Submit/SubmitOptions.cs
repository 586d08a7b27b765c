using YarnDL.Spec.Model;

namespace YarnDL.Client.Submit;

/// <summary>Everything a submission needs besides the spec.</summary>
public sealed record SubmitOptions
{
    /// <summary>The submitting user (simple auth, HDFS home).</summary>
    public required string User { get; init; }

    /// <summary>The job file's name, for <c>file:line:column</c> in preflight problems.</summary>
    public string? SpecFile { get; init; }

    /// <summary>Overrides the spec's queue.</summary>
    public string? Queue { get; init; }

    /// <summary>Overrides <c>am.mode</c>.</summary>
    public AmMode? AmMode { get; init; }

    /// <summary>NameNode web address for WebHDFS staging; null stages on the local file system (MiniCluster).</summary>
    public Uri? WebHdfs { get; init; }

    /// <summary>Default FS URI for LocalResources (<c>hdfs://nameservice1</c>); required with <see cref="WebHdfs"/>.</summary>
    public string? DefaultFs { get; init; }

    /// <summary>Local staging root used without WebHDFS (default <c>~/.yarndl/staging</c>).</summary>
    public string? LocalStagingRoot { get; init; }

    /// <summary>AM bundle (<c>.tgz</c>/<c>.zip</c>) for <c>upload</c> mode.</summary>
    public string? AmBundle { get; init; }

    /// <summary>Folder of the AM build to pack and ship in <c>upload</c> mode when no <see cref="AmBundle"/> is given.</summary>
    public string? AmDirectory { get; init; }

    /// <summary>Folder of the trainer build to pack and ship with the AM in <c>upload</c> mode; tasks run it from their own copy.</summary>
    public string? TrainerDirectory { get; init; }

    /// <summary>Absolute path of <c>YarnDL.AppMaster.dll</c> for <c>local</c> mode.</summary>
    public string? LocalAmDll { get; init; }

    /// <summary>Command starting the trainer in a task container (default <c>yarndl-trainer</c>).</summary>
    public string? TrainerCommand { get; init; }

    /// <summary>AM attempts (default 2).</summary>
    public int MaxAppAttempts { get; init; } = 2;
}
