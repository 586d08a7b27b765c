using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Startup;

namespace YarnDL.AppMaster;

internal static class Program
{
    /// <summary>Runs the whole AM from the container environment. Exit codes are <see cref="AmExitCodes"/>; every failure
    /// ends with one logged cause, never an unhandled exception.</summary>
    public static async Task<int> Main(string[] args)
    {
        // ASP.NET Core logs every request of the task API and the status page at Information: only its warnings go to the AM log.
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
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
            return verdict.Succeeded ? AmExitCodes.Succeeded : AmExitCodes.JobFailed;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            log.LogWarning("Interrupted before the job finished");
            return AmExitCodes.JobFailed;
        }
        catch (Exception e)
        {
            var code = AmExitCodes.For(e);
            if (code == AmExitCodes.Internal)
            {
                log.LogCritical(e, "The ApplicationMaster failed unexpectedly; the final status was not sent to the RM: {Message}", e.Message);
            }
            else
            {
                log.LogCritical("{Message}", AmExitCodes.Describe(e));
            }

            return code;
        }
    }
}
