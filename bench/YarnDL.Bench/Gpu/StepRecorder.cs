using System.Diagnostics;
using YarnDL.TaskProtocol;
using YarnDL.Training.Compute;
using YarnDL.Training.Session;

namespace YarnDL.Bench.Gpu;

/// <summary>Reads the backend's transfer counters and the clock at each of the session's per-step reports, and asks
/// the session to stop once <paramref name="steps"/> steps are done.</summary>
internal sealed class StepRecorder(ITensorBackend tensors, int steps) : ITrainingControl
{
    private long lastTime = Stopwatch.GetTimestamp();
    private long lastToDevice = tensors.BytesToDevice;
    private long lastToHost = tensors.BytesToHost;

    public List<StepSample> Samples { get; } = [];

    public TaskCommand PendingCommand => Samples.Count >= steps - 1 ? TaskCommand.Stop : TaskCommand.None;

    public void Acknowledge(TaskCommand command)
    {
    }

    public void Report(TrainingProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        var (toDevice, toHost) = (tensors.BytesToDevice, tensors.BytesToHost);
        Samples.Add(new StepSample(Stopwatch.GetElapsedTime(lastTime, now).TotalMilliseconds, toDevice - lastToDevice, toHost - lastToHost));
        (lastTime, lastToDevice, lastToHost) = (now, toDevice, toHost);
    }
}

/// <summary>One step: its wall time and the bytes it copied each way.</summary>
internal readonly record struct StepSample(double Milliseconds, long ToDevice, long ToHost)
{
    public long Bytes => ToDevice + ToHost;
}
