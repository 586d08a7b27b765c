using System.Net.Sockets;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Cluster;
using YarnDL.Training.Compute;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Distributed.ParameterServer;
using YarnDL.Training.Faults;
using YarnDL.Training.Inference;
using YarnDL.Training.Model;
using YarnDL.Training.Summaries;
using YarnDL.Training.Session;

namespace YarnDL.Training;

public sealed partial class TrainingTask
{
    private async Task<TrainingResult> TrainAsync(TrainerOptions options, ITensorBackend backend, ClusterInfo cluster, Socket? listener, ICheckpointStore? store, FaultKnobs faults, AmTaskClient? am, CancellationToken ct)
    {
        if (cluster.Role == ClusterResolver.ParameterServerRole && options.Mode == "infer")
        {
            await stdout.WriteLineAsync("ps: nothing to serve in infer mode");
            return new TrainingResult(0, 0, 0, 0, false, false, 0);
        }

        if (cluster.Role == ClusterResolver.ParameterServerRole)
        {
            return await ServeParametersAsync(cluster, listener, am, ct);
        }

        if (cluster.Rank < 0 && cluster.Role != "evaluator")
        {
            throw new TrainerConfigException($"role '{cluster.Role}' is not supported by this trainer (supported: chief, master, worker, ps, evaluator)");
        }

        var (train, test, score) = DataSources.Load(options);
        if (cluster.Role == "evaluator")
        {
            return Evaluate(options, backend, train, test, store);
        }

        if (options.Mode == "infer")
        {
            return Infer(options, cluster, backend, score, store);
        }

        using var events = cluster.IsChief && options.TensorboardDir is { } tb ? new EventFileWriter(tb, time) : null;
        using var sync = await ConnectAsync(options, cluster, listener, ct);
        listener?.Dispose();
        var session = new TrainingSession(options, backend, sync, train, test, store, stdout)
        {
            Faults = faults,
            Control = am is null ? NullTrainingControl.Instance : am,
            InitFrom = CheckpointStores.Create(options.InitFrom, env),
            Events = events,
        };
        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeats = am?.RunHeartbeatsAsync(stderr, stopHeartbeats.Token) ?? Task.CompletedTask;
        try
        {
            var result = await Task.Factory.StartNew(() => session.Run(ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (sync is AllReduceSync allReduce)
            {
                await stdout.WriteLineAsync($"sync {allReduce.Description}");
            }

            return result;
        }
        finally
        {
            await stopHeartbeats.CancelAsync();
            await heartbeats;
        }
    }

    private static async Task<IParameterSync> ConnectAsync(TrainerOptions options, ClusterInfo cluster, Socket? listener, CancellationToken ct)
    {
        if (options.Strategy == "ps")
        {
            if (cluster.ParameterServers.Count == 0)
            {
                throw new TrainerConfigException("strategy ps needs ps tasks in the cluster spec (TF_CONFIG cluster.ps)");
            }

            var mode = options.PsMode == "async" ? PsMode.Async : PsMode.Sync;
            return await ParameterServerClient.ConnectAsync(cluster.Rank, cluster.WorldSize, mode, [.. cluster.ParameterServers.Select(Endpoints.Parse)], TimeSpan.FromMinutes(5), ct);
        }

        var reducer = cluster.WorldSize > 1
            ? await RingAllReduce.ConnectAsync(cluster.Rank, [.. cluster.RingPeers.Select(Endpoints.Parse)], listener!, TimeSpan.FromMinutes(5), ct)
            : (IGradientReducer)new SingleRankReducer();
        return new AllReduceSync(reducer);
    }

    private async Task<TrainingResult> ServeParametersAsync(ClusterInfo cluster, Socket? listener, AmTaskClient? am, CancellationToken ct)
    {
        if (listener is null)
        {
            throw new TrainerConfigException("a ps task needs its own address in the cluster spec (TF_CONFIG cluster.ps[index])");
        }

        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeats = am?.RunHeartbeatsAsync(stderr, stopHeartbeats.Token) ?? Task.CompletedTask;
        try
        {
            var started = time.GetTimestamp();
            using var node = await ParameterServerNode.AcceptAsync(listener, cluster.WorldSize, TimeSpan.FromMinutes(5), ct);
            listener.Dispose();
            await stdout.WriteLineAsync($"ps {cluster.Index}: {cluster.WorldSize} workers connected");
            await Task.Factory.StartNew(node.Serve, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await stdout.WriteLineAsync($"ps {cluster.Index}: mode={node.Mode.ToString().ToLowerInvariant()} updates={node.Updates} shard={node.Weights.Length}");
            return new TrainingResult(node.Updates, 0, 0, 0, false, false, time.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            await stopHeartbeats.CancelAsync();
            await heartbeats;
        }
    }

    private TrainingResult Infer(TrainerOptions options, ClusterInfo cluster, ITensorBackend backend, Dataset score, ICheckpointStore? store)
    {
        var source = CheckpointStores.Create(options.InitFrom, env) ?? store ?? throw new TrainerConfigException("infer: no checkpoint to score with (set init-from or YARNDL_CHECKPOINT_DIR)");
        var state = source.TryLoad() ?? throw new TrainerConfigException($"infer: no checkpoint at {source.PathName}");
        var model = ModelFactory.Create(options, backend, score.FeatureCount, score.ClassCount);
        if (state.Parameters.Length != model.Parameters.Length)
        {
            throw new TrainerConfigException($"infer: {source.PathName} holds {state.Parameters.Length} parameters, this {options.Model} has {model.Parameters.Length}");
        }

        state.Parameters.CopyTo(model.Parameters, 0);
        model.PushParameters();
        var rank = Math.Max(0, cluster.Rank);
        var (count, accuracy, path) = BatchInference.Run(model, score, rank, cluster.WorldSize, options.PredictionsDir ?? TrainerDefaults.PredictionsDir);
        stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"infer rank={rank} examples={count} accuracy={accuracy:F4} predictions={path}"));
        return new TrainingResult(state.Step, 0, accuracy, 0, false, false, 0);
    }

    private TrainingResult Evaluate(TrainerOptions options, ITensorBackend backend, Dataset train, Dataset test, ICheckpointStore? store)
    {
        var state = store?.TryLoad() ?? throw new TrainerConfigException("evaluator: no checkpoint to evaluate (set YARNDL_CHECKPOINT_DIR)");
        var model = ModelFactory.Create(options, backend, train.FeatureCount, train.ClassCount);
        state.Parameters.CopyTo(model.Parameters, 0);
        model.PushParameters();
        var accuracy = model.Accuracy(test);
        stdout.WriteLine($"evaluator step={state.Step} val_accuracy={accuracy:F4}");
        return new TrainingResult(state.Step, 0, accuracy, 0, false, false, 0);
    }
}
