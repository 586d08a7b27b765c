using System.Diagnostics;
using YarnDL.TaskProtocol;
using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Session;

namespace YarnDL.Bench.Gpu;

/// <summary>Reads the backend's transfer counters and the clock at each of the session's per-step reports, and asks
/// the session to stop once <paramref name="steps"/> steps are done.</summary>
internal sealed class StepRecorder(ITensorBackend tensors, int steps) : ITrainingControl
{
    private long lastTime = Stopwatch.GetTimestamp();
    private long lastToDevice = tensors.BytesToDevice;
    private long lastToHost = tensors.BytesToHost;
    private long lastPageLocked = PageLocked(tensors);

    public List<StepSample> Samples { get; } = [];

    public TaskCommand PendingCommand => Samples.Count >= steps - 1 ? TaskCommand.Stop : TaskCommand.None;

    public void Acknowledge(TaskCommand command)
    {
    }

    public void Report(TrainingProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        var (toDevice, toHost, pageLocked) = (tensors.BytesToDevice, tensors.BytesToHost, PageLocked(tensors));
        Samples.Add(new StepSample(Stopwatch.GetElapsedTime(lastTime, now).TotalMilliseconds, toDevice - lastToDevice, toHost - lastToHost, pageLocked - lastPageLocked));
        (lastTime, lastToDevice, lastToHost, lastPageLocked) = (now, toDevice, toHost, pageLocked);
    }

    private static long PageLocked(ITensorBackend tensors) => (tensors as IlgpuTensors)?.BytesPageLocked ?? 0;
}

/// <summary>One step: its wall time, the bytes it copied each way and how many of those went through page-locked
/// staging memory.</summary>
internal readonly record struct StepSample(double Milliseconds, long ToDevice, long ToHost, long PageLocked)
{
    public long Bytes => ToDevice + ToHost;
}
