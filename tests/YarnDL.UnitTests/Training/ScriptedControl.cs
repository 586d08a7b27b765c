using YarnDL.TaskProtocol;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

/// <summary>Issues a command when the session has completed a given number of steps; records checkpoint steps reported.</summary>
internal sealed class ScriptedControl : ITrainingControl, IEnumerable<KeyValuePair<long, TaskCommand>>
{
    private readonly Dictionary<long, TaskCommand> script = [];
    private long step;
    private long lastCheckpoint = -1;

    public List<long> CheckpointStepsSeen { get; } = [];

    public TaskCommand PendingCommand => script.GetValueOrDefault(step, TaskCommand.None);

    public TaskCommand this[long afterSteps]
    {
        set => script[afterSteps] = value;
    }

    public void Acknowledge(TaskCommand command) => script.Remove(step);

    public void Report(TrainingProgress progress)
    {
        step = progress.Step;
        if (progress.CheckpointStep != lastCheckpoint)
        {
            lastCheckpoint = progress.CheckpointStep;
            CheckpointStepsSeen.Add(progress.CheckpointStep);
        }
    }

    public IEnumerator<KeyValuePair<long, TaskCommand>> GetEnumerator() => script.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
