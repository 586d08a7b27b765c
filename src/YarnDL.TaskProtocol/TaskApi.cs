namespace YarnDL.TaskProtocol;

/// <summary>HTTP paths and headers of the AM's task API. All bodies are JSON (<see cref="TaskJson"/>).</summary>
public static class TaskApi
{
    /// <summary>Header carrying the value of <see cref="TaskEnv.Secret"/>; a wrong or missing one gets 401.</summary>
    public const string SecretHeader = "X-YarnDL-Task-Secret";

    /// <summary>POST <see cref="RegisterRequest"/>: 200 + <see cref="ClusterSpecResponse"/> once every task
    /// of the cluster has registered, 202 + <see cref="PendingResponse"/> while the AM waits for the rest
    /// (the task posts again), 409 when the generation is stale (the task must exit).</summary>
    public const string Register = "tasks/v1/register";

    /// <summary>POST <see cref="HeartbeatRequest"/>: 200 + <see cref="HeartbeatResponse"/>.</summary>
    public const string Heartbeat = "tasks/v1/heartbeat";

    /// <summary>POST <see cref="ResultRequest"/> once, just before the task exits: 204.</summary>
    public const string Result = "tasks/v1/result";

    /// <summary>How long the AM holds a register call open before answering 202.</summary>
    public static readonly TimeSpan RegisterLongPoll = TimeSpan.FromSeconds(20);
}
