using System.Globalization;
using System.Runtime;
using YarnDL.Bench.AllReduce;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Session;

namespace YarnDL.Bench.Digits;

/// <summary>Wall time to 97% test accuracy on digits with the CNN: 2 workers (threads over a loopback ring,
/// one compute thread each) against 1 worker, same model, global batch, learning rate and seed. The 2 workers
/// each compute half of every global batch. Untimed rounds of all three runs warm up until the JIT has settled;
/// then they are timed alternately (each after a full GC, in a child process with tiering off) and the medians compared, since on a shared machine a
/// single ~0.1 s run mostly measures the neighbours. The 2 workers use the transport the trainer picks for two ranks on one host (shared memory);
/// the same run over TCP only is reported beside it. Each worker thread is pinned to a CPU of its own (the two ranks to
/// CPUs 0 and 1, swapped every other run; the single worker to CPU 0 or 1 in turn), so both sides see both CPUs.
/// <para>Beside it, the machine's own limit: two workers that never exchange anything (each trains on its half of
/// every global batch for as many steps as the real pair, whole optimizer step on both), run at once on the two
/// CPUs. On a VM two busy vCPUs each run slower than one, and halving the batch does not halve a step, so that
/// pair's speedup is what a 2-worker run could reach with free communication.</para></summary>
internal sealed class DigitsBenchmark : IBenchmark
{
    private const double Target = 0.97;
    private const int DefaultRepeats = 21;

    /// <summary>Warm-up rounds at most; warm-up stops after two rounds in a row that compiled no method.</summary>
    private const int MaxWarmupRounds = 12;

    public string Name => "digits";

    /// <summary>The hidden verb of the child process that does the timed runs.</summary>
    public const string ChildVerb = "digits-runs";

    /// <summary>Runs the timed part in a child process with tiering off (and relays its lines): a run of ~0.1 s is short
    /// enough that, with tiering, a method the loop calls once per run (session setup, say) reaches the tier-1 threshold
    /// only dozens of runs later and is recompiled on a background thread mid-run, taking a core from one of the two
    /// ranks and never from the single worker, whose second core is idle; a long training run never sees that. Fully
    /// optimised code from the first call gives both sides steady-state code. (Only this benchmark: tiering's dynamic
    /// PGO is what the IPC and AM code run with in production.)</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        using var child = BenchProcess.Start([ChildVerb, .. args], new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" });
        child.StandardInput.Close();
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            output.WriteLine(line);
        }

        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode;
    }

    /// <summary>The timed runs themselves (in the child).</summary>
    public static async Task<int> RunTimedAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"tiered_compilation={(Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" ? "off" : "on")}");
        var repeats = args.Count > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultRepeats;
        var options = new TrainerOptions { Model = "cnn", Epochs = 60, BatchSize = 64, LearningRate = 0.003f, TargetAccuracy = Target, Threads = 1 };
        var (train, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, options.Seed);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var (transport, optimizer, warmups, pairEpochs) = await WarmUpAsync(options, train, test);
        var apart = options with { Epochs = pairEpochs, TargetAccuracy = null };
        var pinned = CpuPinning.Available(2);
        var one = new List<TrainingResult>();
        var two = new List<TrainingResult>();
        var tcp = new List<TrainingResult>();
        var silent = new List<TrainingResult>();
        for (var i = 0; i < repeats; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            one.Add((await TimeAsync(1, true, options, train, test, pinned ? i % 2 : -1)).Result);
            two.Add((await TimeAsync(2, true, options, train, test, pinned ? i % 2 : -1)).Result);
            tcp.Add((await TimeAsync(2, false, options, train, test, pinned ? i % 2 : -1)).Result);
            silent.Add((await TimeAsync(2, true, apart, train, test, pinned ? i % 2 : -1, exchange: false)).Result);
        }

        var inv = CultureInfo.InvariantCulture;
        var (m1, m2, mt, ms) = (Median(one), Median(two), Median(tcp), Median(silent));
        output.WriteLine(string.Create(inv, $"cnn_repeats={repeats} warmup_rounds={warmups} pinned={pinned.ToString().ToLowerInvariant()} compute_threads_per_worker={options.Threads} global_batch={options.BatchSize} cnn_2w_transport={transport} cnn_2w_optimizer={optimizer} load_before={load}"));
        output.WriteLine(string.Create(inv, $"cnn_1w_seconds={m1:F3} cnn_1w_min={one.Min(r => r.Seconds):F3} cnn_1w_max={one.Max(r => r.Seconds):F3} cnn_1w_accuracy={one[0].TestAccuracy:F4} cnn_1w_epochs={one[0].Epochs} cnn_1w_steps={one[0].Step}"));
        output.WriteLine(string.Create(inv, $"cnn_2w_seconds={m2:F3} cnn_2w_min={two.Min(r => r.Seconds):F3} cnn_2w_max={two.Max(r => r.Seconds):F3} cnn_2w_accuracy={two[0].TestAccuracy:F4} cnn_2w_epochs={two[0].Epochs} cnn_2w_steps={two[0].Step}"));
        output.WriteLine(string.Create(inv, $"cnn_2w_tcp_seconds={mt:F3} cnn_2w_tcp_min={tcp.Min(r => r.Seconds):F3} cnn_2w_tcp_max={tcp.Max(r => r.Seconds):F3} cnn_2w_tcp_epochs={tcp[0].Epochs}"));
        output.WriteLine(string.Create(inv, $"cnn_2w_no_exchange_seconds={ms:F3} cnn_2w_no_exchange_min={silent.Min(r => r.Seconds):F3} cnn_2w_no_exchange_epochs={silent[0].Epochs}"));
        var ok = one.Concat(two).Concat(tcp).All(r => r.ReachedTarget);
        output.WriteLine(string.Create(inv, $"cnn_speedup_2w_no_exchange={m1 / ms:F3} cnn_2w_vs_no_exchange={ms / m2:F3}"));
        output.WriteLine(string.Create(inv, $"cnn_speedup_2w_tcp={(ok ? m1 / mt : 0):F3}"));
        output.WriteLine(string.Create(inv, $"cnn_speedup_2w={(ok ? m1 / m2 : 0):F3}"));
        return ok ? 0 : 1;
    }

    /// <summary>Runs all three configurations until two rounds in a row compile no method. A run of ~0.1 s is short
    /// enough that tier-1 recompilation would still be going on in the timed runs, on a background thread that takes a
    /// core from one of the two ranks (and never from the single worker, whose second core is idle): a cost a long
    /// training run does not pay. Returns the two-rank transport and optimizer step, the rounds run and the epochs the pair needed.</summary>
    private static async Task<(string Transport, string Optimizer, int Rounds, int PairEpochs)> WarmUpAsync(TrainerOptions options, Dataset train, Dataset test)
    {
        var transport = "none";
        var optimizer = "none";
        var epochs = 0;
        var quiet = 0;
        var round = 0;
        while (round < MaxWarmupRounds && quiet < 2)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await TimeAsync(1, true, options, train, test, -1);
            var pair = await TimeAsync(2, true, options, train, test, -1);
            (transport, optimizer, epochs) = (pair.Transport, pair.Optimizer, pair.Result.Epochs);
            await TimeAsync(2, false, options, train, test, -1);
            await TimeAsync(2, true, options with { Epochs = epochs, TargetAccuracy = null }, train, test, -1, exchange: false);
            quiet = JitInfo.GetCompiledMethodCount() == before ? quiet + 1 : 0;
            round++;
        }

        return (transport, optimizer, round, epochs);
    }

    private static double Median(List<TrainingResult> runs)
    {
        var s = runs.Select(r => r.Seconds).Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>One run; with <paramref name="firstCpu"/> ≥ 0, rank r runs pinned to CPU (firstCpu + r) % 2. Without
    /// <paramref name="exchange"/>, the ranks of a world of two never talk (the machine's limit).</summary>
    private static async Task<(TrainingResult Result, string Transport, string Optimizer)> TimeAsync(int world, bool sharedMemory, TrainerOptions options, Dataset train, Dataset test, int firstCpu, bool exchange = true)
    {
        // The previous run's garbage (its model, optimizer state and workspace) is collected here, not mid-run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        IGradientReducer[] ranks;
        if (world == 1)
        {
            ranks = [new SingleRankReducer()];
        }
        else if (!exchange)
        {
            ranks = [.. Enumerable.Range(0, world).Select(r => new SilentReducer(r, world))];
        }
        else
        {
            var listeners = Enumerable.Range(0, world).Select(_ => AllReduceBenchmark.Listen()).ToArray();
            var peers = listeners.Select(l => l.LocalEndPoint!).ToArray();
            var rings = await Task.WhenAll(Enumerable.Range(0, world).Select(r => RingAllReduce.ConnectAsync(r, peers, listeners[r], TimeSpan.FromSeconds(30), CancellationToken.None)));
            foreach (var ring in rings)
            {
                ring.AllowSharedMemory = sharedMemory;
            }

            ranks = rings;
            foreach (var l in listeners)
            {
                l.Dispose();
            }
        }

        var syncs = ranks.Select(r => new AllReduceSync(r)).ToArray();
        var results = await Task.WhenAll(syncs.Select(r => Task.Factory.StartNew(
            () =>
            {
                if (firstCpu >= 0 && !CpuPinning.PinCurrentThread((firstCpu + r.Rank) % 2))
                {
                    throw new InvalidOperationException("sched_setaffinity refused to pin a worker thread");
                }

                using var cpu = new CpuBackend(options.Threads);
                return new TrainingSession(options, cpu, r, train, test, null, TextWriter.Null).Run(CancellationToken.None);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));
        var transport = ranks[0] is RingAllReduce first ? first.PairTransport : "none";
        foreach (var r in ranks)
        {
            r.Dispose();
        }

        // Rank 0's clock: it starts after the ring is connected and stops after the last all-reduce; apart, the slower rank's.
        return (exchange ? results[0] : results.MaxBy(r => r.Seconds)!, transport, syncs[0].Optimizer);
    }

    /// <summary>A rank of a world whose ranks never exchange anything: each keeps its own gradient.</summary>
    private sealed class SilentReducer(int rank, int world) : IGradientReducer
    {
        public int Rank => rank;

        public int WorldSize => world;

        public void AllReduceSum(float[] buffer)
        {
        }

        public void Dispose()
        {
        }
    }
}
