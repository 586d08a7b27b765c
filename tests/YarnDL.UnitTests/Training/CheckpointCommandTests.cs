using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class CheckpointCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-ckpt-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void CheckpointCommand_IsWrittenWithinOneStep_AndStopEndsTraining()
    {
        var control = new ScriptedControl { [5] = TaskCommand.Checkpoint, [9] = TaskCommand.Stop };
        var data = SyntheticDataset.Create(400, 16, 4, 1);
        var (train, test) = data.Split(0.25, 1);
        var store = new CheckpointStore(dir);
        using var cpu = new CpuBackend(1);
        var session = new TrainingSession(new TrainerOptions { Dataset = "synthetic", Epochs = 5, HiddenUnits = 8 }, cpu, new SingleRankReducer(), train, test, store, TextWriter.Null) { Control = control };

        var result = session.Run(CancellationToken.None);

        Assert.Equal([6L], control.CheckpointStepsSeen.Take(1));
        Assert.True(result.Stopped);
        Assert.Equal(10, result.Step);
        Assert.Equal(10, store.TryLoad()!.Step);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
