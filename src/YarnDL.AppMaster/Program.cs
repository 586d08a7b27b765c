using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Startup;

namespace YarnDL.AppMaster;

internal static class Program
{
    /// <summary>Runs the whole AM from the container environment; exit 0 when the job succeeded, 1 when it failed, 2 on bad input.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var log = logs.CreateLogger("YarnDL.AppMaster");
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        try
        {
            var planOverride = args.Length >= 2 && args[0] is "--plan" or "--job" ? args[1] : null;
            var env = AmEnvironment.Read(Environment.GetEnvironmentVariable, planOverride);
            var verdict = await AmRunner.RunAsync(env, (e, s) => HadoopBindings.Create(e, s, logs), TimeProvider.System, logs, Console.Out, cts.Token);
            return verdict.Succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is StartupException or Spec.JobSpecException)
        {
            log.LogCritical("{Message}", e.Message);
            return 2;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            log.LogWarning("Interrupted before the job finished");
            return 1;
        }
    }
}
