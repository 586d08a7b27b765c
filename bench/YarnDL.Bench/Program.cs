using System.Reflection;

namespace YarnDL.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/YarnDL.Bench -- NAME|all [args]</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [AllReduce.RingWorker.Verb, var rank])
        {
            return await AllReduce.RingWorker.RunAsync(int.Parse(rank, System.Globalization.CultureInfo.InvariantCulture), Console.In, Console.Out);
        }

        if (args is [Digits.DigitsBenchmark.ChildVerb, .. var digitsArgs])
        {
            return await Digits.DigitsBenchmark.RunTimedAsync(digitsArgs, Console.Out, CancellationToken.None);
        }

        if (args is [Gemm.GemmBenchmark.ChildVerb, .. var gemmArgs])
        {
            return await Gemm.GemmRuns.RunAsync(gemmArgs, Console.Out);
        }

        var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        var names = string.Join(", ", benchmarks.Select(b => b.Name));
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync($"usage: YarnDL.Bench NAME|all [args]  (benchmarks: {names})");
            return 2;
        }

        var selected = args[0] == "all" ? benchmarks : benchmarks.Where(b => b.Name == args[0]).ToList();
        if (selected.Count == 0)
        {
            await Console.Error.WriteLineAsync($"error: unknown benchmark '{args[0]}' (benchmarks: {names}, all)");
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var rc = 0;
        foreach (var b in selected)
        {
            Console.WriteLine($"benchmark={b.Name}");
            rc = Math.Max(rc, await b.RunAsync(args.Skip(1).ToList(), Console.Out, cts.Token));
        }

        return rc;
    }
}
