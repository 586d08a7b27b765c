using YarnDL.TaskProtocol;

namespace YarnDL.Training.Session;

/// <summary>Standalone runs: no commands, progress goes nowhere.</summary>
internal sealed class NullTrainingControl : ITrainingControl
{
    public static NullTrainingControl Instance { get; } = new();

    public TaskCommand PendingCommand => TaskCommand.None;

    public void Acknowledge(TaskCommand command)
    {
    }

    public void Report(TrainingProgress progress)
    {
    }
}
