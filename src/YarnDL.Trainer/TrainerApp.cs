using System.Globalization;
using System.Net;
using System.Net.Sockets;
using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Cluster;
using YarnDL.Training.Config;
using YarnDL.Training.Faults;

namespace YarnDL.Trainer;

/// <summary>Resolves settings and cluster (AM or TF_CONFIG/RANK env or standalone), then trains and reports.</summary>
internal sealed partial class TrainerApp(Func<string, string?> env, TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        AmTaskClient? am = null;
        try
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
                (am, cluster, listener) = await RegisterAsync(new Uri(amUrl), ct);
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
            var result = await TrainAsync(options, backend, cluster, listener, store, faults, am, ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"final step={result.Step} accuracy={result.TestAccuracy:F4} loss={result.Loss:F4} seconds={result.Seconds:F2} stopped={result.Stopped} reached_target={result.ReachedTarget}"));
            if (am is not null)
            {
                await am.PostResultAsync(true, result.Metrics, result.Stopped ? "stopped by the AM" : "finished", ct);
            }

            return ExitCodes.Success;
        }
        catch (InjectedFaultException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (exit code {e.ExitCode})");
            return e.ExitCode;
        }
        catch (NoCudaDeviceException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (exit code {ExitCodes.NoCudaDevice})");
            return ExitCodes.NoCudaDevice;
        }
        catch (Exception e) when (e is TrainerConfigException or TrainerSettingsException or TaskEnvValueException)
        {
            await stderr.WriteLineAsync($"error: bad trainer settings: {e.Message}");
            return ExitCodes.BadConfig;
        }
        catch (AmProtocolException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Refused;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"error: training failed: {e.GetType().Name}: {e.Message}");
            if (am is not null)
            {
                await TryPostFailureAsync(am, e.Message);
            }

            return ExitCodes.Failure;
        }
        finally
        {
            am?.Dispose();
        }
    }

    private async Task<(AmTaskClient Am, ClusterInfo Cluster, Socket Listener)> RegisterAsync(Uri amUrl, CancellationToken ct)
    {
        var identity = new TaskIdentity(
            env(TaskEnv.ClusterId) ?? "main",
            env(TaskEnv.Role) ?? "worker",
            int.Parse(env(TaskEnv.Index) ?? "0", CultureInfo.InvariantCulture),
            int.Parse(env(TaskEnv.Generation) ?? "0", CultureInfo.InvariantCulture));
        var urlFile = env(TaskEnv.AmUrlFile);
        var am = new AmTaskClient(amUrl, env(TaskEnv.Secret) ?? string.Empty, identity, time)
        {
            Rediscover = string.IsNullOrEmpty(urlFile) ? null : new AmUrlFile(urlFile, env).TryRead,
        };
        var host = env("YARNDL_TASK_HOST") ?? env("NM_HOST") ?? "127.0.0.1";
        var listener = Endpoints.Listen(new IPEndPoint(Endpoints.Resolve(host), 0));
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        await stdout.WriteLineAsync($"registering {identity} at {host}:{port} with {amUrl}");
        var spec = await am.RegisterAsync(host, port, ct);
        var cluster = ClusterResolver.FromCluster(spec.Cluster, identity.Role, identity.Index, spec.ResumeFromCheckpoint);
        return (am, cluster, listener);
    }

    private static async Task TryPostFailureAsync(AmTaskClient am, string message)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await am.PostResultAsync(false, new Dictionary<string, double>(), message, cts.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The AM will see the container exit code instead.
        }
    }
}
