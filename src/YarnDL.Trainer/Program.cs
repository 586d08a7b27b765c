using YarnDL.Trainer.Launcher;

namespace YarnDL.Trainer;

/// <summary>One process = one task. Without a verb it trains: exit 0 on success; 2 bad settings; 3 refused by the AM;
/// 1 any other failure; a fault knob's own code when one fires. <c>exec</c> runs the program of a <c>command:</c> task
/// instead (<see cref="LauncherApp"/>) and exits with that program's exit code.</summary>
internal static class Program
{
    public const string ExecVerb = "exec";

    public static async Task<int> Main(string[] args)
    {
        if (args is [ExecVerb, .. var rest])
        {
            var launcher = new LauncherApp(Environment.GetEnvironmentVariable, Console.Error, TimeProvider.System);
            return await launcher.RunAsync(rest, CancellationToken.None);
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var app = new TrainerApp(Environment.GetEnvironmentVariable, Console.Out, Console.Error, TimeProvider.System);
        return await app.RunAsync(args, cts.Token);
    }
}
