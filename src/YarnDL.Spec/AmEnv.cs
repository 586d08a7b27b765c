namespace YarnDL.Spec;

/// <summary>The contract between the submitting client and the AM container it launches.</summary>
public static class AmEnv
{
    /// <summary>Name of the job spec file in the AM's working directory (a LocalResource, or copied there).</summary>
    public const string JobFileName = "job.yaml";

    /// <summary>Env var naming the job spec file (relative to the AM's working directory).</summary>
    public const string JobFile = "YARNDL_JOB_FILE";

    /// <summary>Env var: the command (argv joined by spaces) that starts the built-in trainer in a task container.</summary>
    public const string TrainerCommand = "YARNDL_TRAINER_COMMAND";

    /// <summary>Env var: the trainer archive shipped in <c>upload</c> mode, which the AM localizes into every task as
    /// <c>trainer/</c>: <c>SIZE,TIMESTAMP,URL</c> (a LocalResource of type ARCHIVE; commas and digits only before the URL,
    /// so the value passes the NodeManager's launch script unchanged).</summary>
    public const string TrainerBundle = "YARNDL_TRAINER_BUNDLE";

    /// <summary>Link name of the trainer archive in the AM's and the tasks' working directories.</summary>
    public const string TrainerLink = "trainer";

    /// <summary>Env var: how tasks are packaged: <c>image</c> (docker runtime) or <c>local</c> (plain processes, MiniCluster).</summary>
    public const string TaskRuntime = "YARNDL_TASK_RUNTIME";

    /// <summary>Env var: the user who submitted the job (for HDFS paths and diagnostics).</summary>
    public const string SubmitUser = "YARNDL_SUBMIT_USER";

    /// <summary>Env var: base directory (local path or hdfs:// URI) for this application's state and checkpoints.</summary>
    public const string StagingDir = "YARNDL_STAGING_DIR";

    /// <summary>Env var: the namenode's HTTP address (e.g. http://nn:9870) for WebHDFS, set when the job was staged through it.</summary>
    public const string WebHdfsUrl = "YARNDL_WEBHDFS_URL";

    /// <summary>Application type reported to YARN for every YarnDL job.</summary>
    public const string ApplicationType = "YARNDL";
}
