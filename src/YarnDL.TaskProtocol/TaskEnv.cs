namespace YarnDL.TaskProtocol;

/// <summary>Environment variable names the AM sets in every task container (inputs to the task).</summary>
public static class TaskEnv
{
    /// <summary>Base URL of the AM's task API, e.g. <c>http://host:port/</c>.</summary>
    public const string AmUrl = "YARNDL_AM_URL";

    /// <summary>File where each AM attempt publishes its task API URL (one line); a task re-reads it when the AM it knows
    /// stops answering (AM restart). Optional: set when the AM keeps its state on a path tasks can read.</summary>
    public const string AmUrlFile = "YARNDL_AM_URL_FILE";

    /// <summary>Per-application secret; sent back in <see cref="TaskApi.SecretHeader"/>.</summary>
    public const string Secret = "YARNDL_TASK_SECRET";

    /// <summary>Id of the TF-style cluster the task belongs to (<c>main</c>, or <c>trial-0003</c> in a sweep).</summary>
    public const string ClusterId = "YARNDL_CLUSTER_ID";

    /// <summary>Role name: chief, worker, ps, evaluator or a custom name.</summary>
    public const string Role = "YARNDL_ROLE";

    /// <summary>0-based index of the task within its role.</summary>
    public const string Index = "YARNDL_INDEX";

    /// <summary>Incarnation of the cluster; bumped each time the AM restarts the cluster.</summary>
    public const string Generation = "YARNDL_GENERATION";

    /// <summary>Hyper-parameters of the trial as a JSON object of strings/numbers, encoded by <see cref="TaskEnvValue"/>.</summary>
    public const string HyperParameters = "YARNDL_HPARAMS";

    /// <summary>The trial's <see cref="TrainerSettings"/> as a JSON object, encoded by <see cref="TaskEnvValue"/>; set for
    /// built-in trainer jobs only (a <c>command:</c> job reads its trial's values from <c>YARNDL_HP_*</c>).</summary>
    public const string TrainerConfig = "YARNDL_TRAINER";

    /// <summary>Set to <c>true</c> by the MiniCluster's NodeManager in a container it gave GPUs: they are simulated, so the
    /// trainer runs its GPU kernels on ILGPU's CPU accelerator. The MiniCluster spells the same name by value.</summary>
    public const string SimulatedGpus = "YARNDL_SIMULATED_GPUS";

    /// <summary>GPUs the NodeManager's nvidia-docker plugin (or the MiniCluster) assigned to the container.</summary>
    public const string NvidiaVisibleDevices = "NVIDIA_VISIBLE_DEVICES";

    /// <summary>Checkpoint directory of this cluster (local path or hdfs:// URI).</summary>
    public const string CheckpointDir = "YARNDL_CHECKPOINT_DIR";

    /// <summary>The user's shell command of a <c>command:</c> role, encoded by <see cref="TaskEnvValue"/>; the task launcher
    /// (<c>yarndl-trainer exec</c>) runs it under <c>/bin/bash -c</c> once the cluster is known.</summary>
    public const string Command = "YARNDL_TASK_COMMAND";

    /// <summary>Host a task advertises to the cluster; else <c>NM_HOST</c>, else 127.0.0.1.</summary>
    public const string TaskHost = "YARNDL_TASK_HOST";

    /// <summary>How the task launcher keeps the reserved port until the program binds it: <c>hold</c> (default) or
    /// <c>release</c> (for programs that cannot set SO_REUSEADDR).</summary>
    public const string PortReservation = "YARNDL_PORT_RESERVATION";

    /// <summary>Optional fault knobs for tests, e.g. <c>exit-after-steps=50</c>.</summary>
    public const string FaultKnobs = "YARNDL_TEST_FAULTS";
}
