using YarnDL.TaskProtocol;
using YarnDL.Training;
using YarnDL.Training.Cluster;
using YarnDL.Training.Config;
using YarnDL.Training.Faults;

namespace YarnDL.Trainer;

/// <summary>Runs one <see cref="TrainingTask"/> (settings, cluster, training and the result post live in
/// YarnDL.Training) and maps how it ended to the process exit code.</summary>
internal sealed class TrainerApp(Func<string, string?> env, TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var urlFile = env(TaskEnv.AmUrlFile);
        using var task = new TrainingTask(env, stdout, stderr, time)
        {
            Rediscover = string.IsNullOrEmpty(urlFile) ? null : new AmUrlFile(urlFile, env).TryRead,
        };
        try
        {
            await task.RunAsync(args, ct);
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
            if (task.Am is not null)
            {
                await TryPostFailureAsync(task.Am, e.Message);
            }

            return ExitCodes.Failure;
        }
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
