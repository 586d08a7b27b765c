using System.Net.Sockets;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Cluster;
using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Faults;
using YarnDL.Training.Session;

namespace YarnDL.Trainer;

internal sealed partial class TrainerApp
{
    private async Task<TrainingResult> TrainAsync(TrainerOptions options, ClusterInfo cluster, Socket? listener, CheckpointStore? store, FaultKnobs faults, AmTaskClient? am, CancellationToken ct)
    {
        if (cluster.Rank < 0 && cluster.Role != "evaluator")
        {
            throw new TrainerConfigException($"role '{cluster.Role}' is not supported by this trainer (parameter servers are not implemented; use strategy allreduce)");
        }

        var data = options.Dataset == "synthetic"
            ? SyntheticDataset.Create(options.SyntheticCount, 64, 10, options.Seed)
            : DigitsLoader.Load(DigitsLoader.Locate(options.DataDir));
        var (train, test) = data.Split(TrainerDefaults.TestFraction, options.Seed);
        using var backend = CreateBackend(options);
        if (cluster.Role == "evaluator")
        {
            return Evaluate(options, backend, train, test, store);
        }

        using var reducer = cluster.WorldSize > 1
            ? await RingAllReduce.ConnectAsync(cluster.Rank, [.. cluster.RingPeers.Select(Endpoints.Parse)], listener!, TimeSpan.FromMinutes(5), ct)
            : (IGradientReducer)new SingleRankReducer();
        listener?.Dispose();
        var session = new TrainingSession(options, backend, reducer, train, test, store, stdout)
        {
            Faults = faults,
            Control = am is null ? NullTrainingControl.Instance : am,
        };
        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeats = am?.RunHeartbeatsAsync(stderr, stopHeartbeats.Token) ?? Task.CompletedTask;
        try
        {
            return await Task.Factory.StartNew(() => session.Run(ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            await stopHeartbeats.CancelAsync();
            await heartbeats;
        }
    }

    private static IComputeBackend CreateBackend(TrainerOptions options) => options.Backend switch
    {
        "ilgpu" => new IlgpuBackend(),
        _ => new CpuBackend(options.Threads),
    };

    private TrainingResult Evaluate(TrainerOptions options, IComputeBackend backend, Dataset train, Dataset test, CheckpointStore? store)
    {
        var state = store?.TryLoad() ?? throw new TrainerConfigException("evaluator: no checkpoint to evaluate (set YARNDL_CHECKPOINT_DIR)");
        var model = Training.Model.ModelFactory.Create(options, backend, train.FeatureCount, train.ClassCount);
        state.Parameters.CopyTo(model.Parameters, 0);
        var accuracy = model.Accuracy(test);
        stdout.WriteLine($"evaluator step={state.Step} val_accuracy={accuracy:F4}");
        return new TrainingResult(state.Step, 0, accuracy, 0, false, false, 0);
    }
}
