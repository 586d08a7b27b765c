using System.Globalization;

namespace YarnDL.Bench.Faults;

/// <summary>
/// <c>faults [--runs N] [--only a,b]</c>: the soak. Runs each fault scenario (RM restart, failover, preemption, killed
/// trainer, lost node, killed AM, NM restart, token roll) N times (default 10) through the real CLI, AM and trainers on
/// a fresh MiniCluster each time, after one fault-free run of the same job. A run is ok when <c>yarndl submit --wait</c>
/// exits 0 and the accuracy it prints is within <see cref="Tolerance"/> of the fault-free run's. Prints
/// <c>&lt;scenario&gt;_ok=K/N</c> and <c>&lt;scenario&gt;_acc_delta_max</c> per scenario and <c>faults_ok</c> (the ratio of ok runs) last.
/// </summary>
internal sealed class FaultsBenchmark : IBenchmark
{
    private const int DefaultRuns = 10;
    private const double Tolerance = 0.01;

    public string Name => "faults";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var runs, out var scenarios, out var error))
        {
            await output.WriteLineAsync("error: " + error).ConfigureAwait(false);
            return 2;
        }

        var root = RepoPaths.Root();
        await YarndlProcess.BuildAsync(root, cancellationToken).ConfigureAwait(false);
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"runs={runs} scenarios={string.Join(',', scenarios.Select(s => s.Name))} cores={Environment.ProcessorCount}").ConfigureAwait(false);

        var baseline = await FaultRun.RunAsync(root, FaultScenarios.None, cancellationToken).ConfigureAwait(false);
        if (!baseline.Succeeded || baseline.Accuracy is not { } expected)
        {
            await output.WriteLineAsync("error: the fault-free run failed: " + baseline.Failure).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"fault_free_accuracy={expected.ToString("0.0000", inv)} fault_free_s={baseline.Elapsed.TotalSeconds.ToString("0.0", inv)}").ConfigureAwait(false);
        var ok = 0;
        foreach (var scenario in scenarios)
        {
            var outcomes = new List<FaultRun.Outcome>();
            for (var i = 0; i < runs; i++)
            {
                var outcome = await FaultRun.RunAsync(root, scenario, cancellationToken).ConfigureAwait(false);
                outcomes.Add(outcome);
                if (!IsOk(outcome, expected))
                {
                    await Console.Error.WriteLineAsync($"{scenario.Name} run {i + 1}: accuracy {outcome.Accuracy?.ToString("0.0000", inv) ?? "none"} vs {expected.ToString("0.0000", inv)}; {outcome.Failure}").ConfigureAwait(false);
                }
            }

            var good = outcomes.Count(o => IsOk(o, expected));
            ok += good;
            var deltas = outcomes.Where(o => o.Accuracy is not null).Select(o => Math.Abs(o.Accuracy!.Value - expected)).ToList();
            var seconds = outcomes.Select(o => o.Elapsed.TotalSeconds).Order().ToList();
            await output.WriteLineAsync($"{scenario.Name}_ok={good}/{runs}").ConfigureAwait(false);
            await output.WriteLineAsync($"{scenario.Name}_acc_delta_max={(deltas.Count > 0 ? deltas.Max().ToString("0.0000", inv) : "none")}").ConfigureAwait(false);
            await output.WriteLineAsync($"{scenario.Name}_s_median={seconds[seconds.Count / 2].ToString("0.0", inv)}").ConfigureAwait(false);
        }

        var total = runs * scenarios.Count;
        await output.WriteLineAsync($"faults_ok={((double)ok / total).ToString("0.000", inv)}").ConfigureAwait(false);
        return ok == total ? 0 : 1;
    }

    private static bool IsOk(FaultRun.Outcome outcome, double expected) =>
        outcome.Succeeded && outcome.Accuracy is { } a && Math.Abs(a - expected) <= Tolerance;

    private static bool TryParse(IReadOnlyList<string> args, out int runs, out IReadOnlyList<FaultScenario> scenarios, out string error)
    {
        (runs, scenarios, error) = (DefaultRuns, FaultScenarios.All, "");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--only" when i + 1 < args.Count:
                    var names = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = names.Where(n => FaultScenarios.All.All(s => s.Name != n)).ToList();
                    if (unknown.Count > 0)
                    {
                        error = $"unknown scenario(s) {string.Join(", ", unknown)} (scenarios: {string.Join(", ", FaultScenarios.All.Select(s => s.Name))})";
                        return false;
                    }

                    scenarios = [.. FaultScenarios.All.Where(s => names.Contains(s.Name))];
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}' (faults [--runs N] [--only scenario,…]; N a positive integer)";
                    return false;
            }
        }

        return true;
    }
}
