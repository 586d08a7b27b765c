namespace YarnDL.Trainer;

/// <summary>One process = one task. Exit 0 on success; 2 bad settings; 3 refused by the AM; 1 any other failure;
/// a fault knob's own code when one fires.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
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
