using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Distributed.ParameterServer;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

/// <summary>Training with weights, moments and activations resident on ILGPU's CPU accelerator gives the weights the
/// managed CPU backend gives, through a checkpoint kill-and-resume and across a two-rank ring. Tolerance per weight:
/// 2e-4 absolute + 2e-3 relative (the GEMMs sum in different orders; a few dozen SGD steps compound it).</summary>
public sealed class GpuResidentTrainingTests : IClassFixture<GpuResidentTrainingTests.Accelerators>, IDisposable
{
    private static readonly Dataset All = SyntheticDataset.Create(320, 64, 10, 3);
    private readonly Accelerators devices;
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-resident-" + Guid.NewGuid().ToString("N"));

    public GpuResidentTrainingTests(Accelerators devices) => this.devices = devices;

    [Theory]
    [InlineData("mlp", nameof(OptimizerKind.Sgd))]
    [InlineData("cnn", nameof(OptimizerKind.Sgd))]
    [InlineData("mlp", nameof(OptimizerKind.Adam))]
    public async Task Resident_training_with_checkpoint_resume_matches_the_cpu_backend(string model, string optimizerName)
    {
        var optimizer = Enum.Parse<OptimizerKind>(optimizerName);
        var options = Options(model) with { Optimizer = optimizer, CheckpointEverySteps = 8 };
        var cpu = await TrainAsync(1, options, null, FaultKnobs.None, onDevice: false);

        var store = new CheckpointStore(Path.Combine(dir, model));
        var killed = await Assert.ThrowsAsync<AggregateException>(() => TrainAsync(1, options, store, new FaultKnobs(ExitAfterSteps: 9), onDevice: true));
        Assert.IsType<InjectedFaultException>(killed.InnerExceptions[0].InnerException ?? killed.InnerExceptions[0]);
        var saved = store.TryLoad()!;
        Assert.Equal(8, saved.Step);
        var resumed = await TrainAsync(1, options, store, FaultKnobs.None, onDevice: true);

        Assert.Equal(cpu[0].Result.Step, resumed[0].Result.Step);
        AssertClose(cpu[0].Weights, resumed[0].Weights);
        AssertClose(cpu[0].Weights, store.TryLoad()!.Parameters);
        Assert.Equal(resumed[0].Weights, store.TryLoad()!.Parameters);
    }

    [Fact]
    public async Task Two_resident_ranks_over_a_ring_match_two_cpu_ranks_and_each_other()
    {
        var options = Options("cnn");
        var cpu = await TrainAsync(2, options, null, FaultKnobs.None, onDevice: false);
        var gpu = await TrainAsync(2, options, null, FaultKnobs.None, onDevice: true);

        Assert.Equal(gpu[0].Weights, gpu[1].Weights);
        AssertClose(cpu[0].Weights, gpu[0].Weights);
        Assert.Equal(cpu[0].Result.Step, gpu[0].Result.Step);
    }

    [Fact]
    public async Task A_resident_worker_of_a_parameter_server_matches_a_cpu_worker()
    {
        var options = Options("mlp") with { Strategy = "ps" };
        var (train, test) = All.Split(TrainerDefaults.TestFraction, options.Seed);
        var weights = new List<float[]>();
        foreach (var onDevice in new[] { false, true })
        {
            using var cluster = await LoopbackPs.CreateAsync(1, 1, PsMode.Sync);
            using var cpu = new CpuBackend(1);
            ITensorBackend tensors = onDevice ? devices.Rank0 : new HostTensors(cpu);
            var session = new TrainingSession(options, tensors, cluster.Clients[0], train, test, null, TextWriter.Null);
            await Task.Run(() => session.Run(CancellationToken.None));
            weights.Add((float[])session.Model!.Parameters.Clone());
            cluster.Clients[0].Dispose();
            await Task.WhenAll(cluster.Serving).WaitAsync(TimeSpan.FromSeconds(30));
        }

        AssertClose(weights[0], weights[1]);
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn")]
    public void One_rank_moves_the_batch_in_and_the_loss_out_and_never_the_gradient(string model)
    {
        var options = Options(model) with { Epochs = 1 };
        var (train, test) = All.Split(TrainerDefaults.TestFraction, options.Seed);
        var control = new TransferRecorder(devices.Rank0);
        var session = new TrainingSession(options, devices.Rank0, new SingleRankReducer(), train, test, null, TextWriter.Null) { Control = control };
        session.Run(CancellationToken.None);

        var gradientBytes = 4L * session.Model!.Parameters.Length;
        var batchBytes = (long)options.BatchSize * ((train.FeatureCount * 4) + 4);
        var steps = control.Steps;
        Assert.True(steps.Count > 3);
        foreach (var (toDevice, toHost, pageLocked) in steps.Skip(1).SkipLast(1))
        {
            Assert.Equal(batchBytes, toDevice); // features and labels
            Assert.Equal(4, toHost); // the summed loss
            Assert.Equal(0, pageLocked);
            Assert.True((double)(toDevice + toHost) / (batchBytes + gradientBytes) <= 1.05);
        }
    }

    [Fact]
    public async Task Two_ranks_move_the_gradient_out_and_the_sum_back_through_page_locked_memory_only()
    {
        var options = Options("mlp") with { Epochs = 1 };
        var (train, test) = All.Split(TrainerDefaults.TestFraction, options.Seed);
        var ranks = await LoopbackRing.CreateAsync(2);
        var recorders = new[] { new TransferRecorder(devices.Rank0), new TransferRecorder(devices.Rank1) };
        int parameters;
        try
        {
            parameters = LoopbackRing.RunEach(ranks, r =>
            {
                var session = new TrainingSession(options, r.Rank == 0 ? devices.Rank0 : devices.Rank1, r, train, test, null, TextWriter.Null) { Control = recorders[r.Rank] };
                session.Run(CancellationToken.None);
                return session.Model!.Parameters.Length;
            })[0];
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }

        var gradientBytes = 4L * parameters;
        var shareBytes = (long)options.BatchSize / 2 * ((train.FeatureCount * 4) + 4);
        foreach (var recorder in recorders)
        {
            Assert.True(recorder.Steps.Count > 3);
            foreach (var (toDevice, toHost, pageLocked) in recorder.Steps.Skip(1).SkipLast(1))
            {
                Assert.Equal(shareBytes + gradientBytes, toDevice); // this rank's examples, the summed gradient
                Assert.Equal(gradientBytes + 4, toHost); // its gradient, its loss
                Assert.Equal(2 * gradientBytes, pageLocked);
            }
        }
    }

    [Fact]
    public async Task A_frozen_layer_stays_put_when_the_gradient_stays_on_the_device()
    {
        var options = Options("mlp") with { Freeze = ["hidden1"] };
        var cpu = await TrainAsync(1, options, null, FaultKnobs.None, onDevice: false);
        var gpu = await TrainAsync(1, options, null, FaultKnobs.None, onDevice: true);

        using var kernels = new CpuBackend(1);
        var initial = ModelFactory.Create(options, kernels, All.FeatureCount, All.ClassCount).Parameters;
        var frozen = (64 * 16) + 16; // hidden1: weights then biases, first in the parameters
        Assert.Equal(initial.AsSpan(0, frozen).ToArray(), gpu[0].Weights.AsSpan(0, frozen).ToArray());
        Assert.NotEqual(initial.AsSpan(frozen).ToArray(), gpu[0].Weights.AsSpan(frozen).ToArray());
        AssertClose(cpu[0].Weights, gpu[0].Weights);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static TrainerOptions Options(string model) =>
        new() { Model = model, HiddenUnits = 16, BatchSize = 32, Epochs = 2, LearningRate = 0.05f, Threads = 1 };

    private async Task<(TrainingResult Result, float[] Weights)[]> TrainAsync(int world, TrainerOptions options, CheckpointStore? store, FaultKnobs faults, bool onDevice)
    {
        var (train, test) = All.Split(TrainerDefaults.TestFraction, options.Seed);
        var ranks = await LoopbackRing.CreateAsync(world);
        try
        {
            return LoopbackRing.RunEach(ranks, r =>
            {
                using var cpu = new CpuBackend(1);
                ITensorBackend tensors = onDevice ? (r.Rank == 0 ? devices.Rank0 : devices.Rank1) : new HostTensors(cpu);
                var session = new TrainingSession(options, tensors, r, train, test, store, TextWriter.Null) { Faults = faults };
                var result = session.Run(CancellationToken.None);
                return (result, (float[])session.Model!.Parameters.Clone());
            });
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 2e-4 + (2e-3 * Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    /// <summary>Bytes each step moved each way, and through page-locked staging, read at the session's per-step report.</summary>
    private sealed class TransferRecorder(IlgpuTensors tensors) : ITrainingControl
    {
        private (long ToDevice, long ToHost, long PageLocked) last = (tensors.BytesToDevice, tensors.BytesToHost, tensors.BytesPageLocked);

        public List<(long ToDevice, long ToHost, long PageLocked)> Steps { get; } = [];

        public TaskCommand PendingCommand => TaskCommand.None;

        public void Acknowledge(TaskCommand command)
        {
        }

        public void Report(TrainingProgress progress)
        {
            var now = (tensors.BytesToDevice, tensors.BytesToHost, tensors.BytesPageLocked);
            Steps.Add((now.BytesToDevice - last.ToDevice, now.BytesToHost - last.ToHost, now.BytesPageLocked - last.PageLocked));
            last = now;
        }
    }

    /// <summary>One ILGPU CPU accelerator per rank, shared by the class (kernels compile once per accelerator).</summary>
    public sealed class Accelerators : IDisposable
    {
        internal IlgpuTensors Rank0 { get; } = IlgpuTensors.OnCpuAccelerator();

        internal IlgpuTensors Rank1 { get; } = IlgpuTensors.OnCpuAccelerator();

        public void Dispose()
        {
            Rank0.Dispose();
            Rank1.Dispose();
        }
    }
}
