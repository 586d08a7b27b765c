using System.Globalization;
using System.Net;
using System.Net.Sockets;
using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Cluster;
using YarnDL.Training.Config;
using YarnDL.Training.Faults;

namespace YarnDL.Training;

/// <summary>One training task, from its settings to its result: reads the settings (<c>YARNDL_TRAINER</c>, then
/// <c>--key value</c> flags), picks the backend, finds its cluster (registering with the AM at <c>YARNDL_AM_URL</c>, else
/// TF_CONFIG or RANK/WORLD_SIZE, else standalone), then trains, serves parameters, scores or evaluates as its role and
/// mode say, and posts the result to the AM. The one entry point the trainer executable calls; everything behind it is
/// internal to this library. Failures surface as exceptions for the caller to map to exit codes
/// (<see cref="TrainerConfigException"/>, <see cref="NoCudaDeviceException"/>, <see cref="AmProtocolException"/>,
/// <see cref="InjectedFaultException"/>); after any other failure the caller may post it through <see cref="Am"/>.</summary>
public sealed partial class TrainingTask(Func<string, string?> env, TextWriter stdout, TextWriter stderr, TimeProvider time) : IDisposable
{
    /// <summary>Where the current AM attempt is when the one registered with stops answering (null: no rediscovery).</summary>
    public Func<Uri?>? Rediscover { get; init; }

    /// <summary>The AM this task registered with; null before registration and for a task outside YARN.</summary>
    public AmTaskClient? Am { get; private set; }

    /// <summary>Runs the task to its end; the final line on <c>stdout</c> is <c>final step=… accuracy=… …</c>.</summary>
    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = TrainerOptionsParser.Parse(
            TrainerOptionsParser.ParseJson(TaskEnvValue.Decode(TaskEnv.TrainerConfig, env(TaskEnv.TrainerConfig)), TaskEnv.TrainerConfig),
            args);
        var (backend, backendName) = BackendSelector.Create(options, env);
        using var computeBackend = backend;
        await stdout.WriteLineAsync("settings: " + TrainerOptionsParser.Effective(options, backendName).ToJson());
        var faults = FaultKnobs.Parse(env(TaskEnv.FaultKnobs));
        var store = CheckpointStores.Create(env(TaskEnv.CheckpointDir), env);
        ClusterInfo cluster;
        Socket? listener = null;
        var amUrl = env(TaskEnv.AmUrl);
        if (!string.IsNullOrEmpty(amUrl))
        {
            AmTaskClient am;
            (am, cluster, listener) = await RegisterAsync(new Uri(amUrl), ct);
            Am = am;
        }
        else
        {
            cluster = ClusterResolver.FromEnvironment(env);
            if (cluster.Self is not null && ((cluster.WorldSize > 1 && cluster.Rank >= 0) || cluster.Role == ClusterResolver.ParameterServerRole))
            {
                listener = Endpoints.Listen(Endpoints.Parse(cluster.Self));
            }
        }

        await stdout.WriteLineAsync($"task role={cluster.Role} index={cluster.Index} rank={cluster.Rank} world={cluster.WorldSize} backend={backend.Name} model={options.Model} dataset={options.Dataset}");
        var result = await TrainAsync(options, backend, cluster, listener, store, faults, Am, ct);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"final step={result.Step} accuracy={result.TestAccuracy:F4} loss={result.Loss:F4} seconds={result.Seconds:F2} stopped={result.Stopped} reached_target={result.ReachedTarget}"));
        if (Am is not null)
        {
            await Am.PostResultAsync(true, result.Metrics, result.Stopped ? "stopped by the AM" : "finished", ct);
        }
    }

    private async Task<(AmTaskClient Am, ClusterInfo Cluster, Socket Listener)> RegisterAsync(Uri amUrl, CancellationToken ct)
    {
        var identity = new TaskIdentity(
            env(TaskEnv.ClusterId) ?? "main",
            env(TaskEnv.Role) ?? "worker",
            int.Parse(env(TaskEnv.Index) ?? "0", CultureInfo.InvariantCulture),
            int.Parse(env(TaskEnv.Generation) ?? "0", CultureInfo.InvariantCulture));
        var am = new AmTaskClient(amUrl, env(TaskEnv.Secret) ?? string.Empty, identity, time) { Rediscover = Rediscover };
        var host = env("YARNDL_TASK_HOST") ?? env("NM_HOST") ?? "127.0.0.1";
        var listener = Endpoints.Listen(new IPEndPoint(Endpoints.Resolve(host), 0));
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        await stdout.WriteLineAsync($"registering {identity} at {host}:{port} with {amUrl}");
        var spec = await am.RegisterAsync(host, port, ct);
        var cluster = ClusterResolver.FromCluster(spec.Cluster, identity.Role, identity.Index, spec.ResumeFromCheckpoint);
        return (am, cluster, listener);
    }

    public void Dispose() => Am?.Dispose();
}
