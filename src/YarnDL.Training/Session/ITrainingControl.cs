using YarnDL.TaskProtocol;

namespace YarnDL.Training.Session;

/// <summary>The session's link to whoever supervises it (the AM's heartbeat loop, or nothing when standalone).</summary>
internal interface ITrainingControl
{
    /// <summary>The latest command received; the session acts on it at the next step and then calls <see cref="Acknowledge"/>.</summary>
    TaskCommand PendingCommand { get; }

    void Acknowledge(TaskCommand command);

    /// <summary>Progress for the next heartbeat.</summary>
    void Report(TrainingProgress progress);
}
