using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Launch;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.State;
using YarnDL.TaskProtocol;

namespace YarnDL.Bench.AmScale;

/// <summary>am-scale (AM core): containers over nodes through the real AM driver, 1,000 over 50 by default, one node per 20
/// containers unless given (<c>am-scale 10000</c> is 10,000 over 500).
/// Default: against a MiniCluster in a child process over Hadoop IPC (<see cref="MiniClusterAmScale"/>);
/// <c>--in-memory</c>: RM and NMs in memory, the AM's own cost for allocation, launch contexts and the registration barrier.
/// Either way the AM core runs under the shipped AM's JIT settings (<see cref="AmRuntimeSettings"/>).
/// Usage: <c>am-scale [--in-memory] [containers [nodes]]</c>.</summary>
internal sealed class AmScaleBenchmark : IBenchmark
{
    public string Name => "am-scale";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count >= 3 && args[0] == MiniClusterHost.Flag)
            return await MiniClusterHost.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), output, cancellationToken);
        var amRuntime = AmRuntimeSettings.Variables();
        if (amRuntime.Count > 0 && Environment.GetEnvironmentVariable(AmRuntimeSettings.AppliedVariable) is null)
            return await RunUnderAmRuntimeAsync(args, amRuntime, output, cancellationToken);
        output.WriteLine($"am_runtime={AmRuntimeSettings.Describe(amRuntime)} (the AM's runtimeconfig)");
        var inMemory = args.Contains("--in-memory");
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var containers = numbers.Count > 0 ? numbers[0] : 1000;
        var nodes = numbers.Count > 1 ? numbers[1] : Math.Max(1, containers / 20);
        if (!inMemory) return await MiniClusterAmScale.RunAsync(containers, nodes, output, cancellationToken);
        var plan = AmScalePlan.Create(containers);
        var time = TimeProvider.System;
        var rm = new InMemoryRm(nodes, perHeartbeat: 100);
        var nms = new InstantNodeManagers();
        var state = new AmState(plan, "bench");
        var client = new AmRmClient(rm, time, NullLogger<AmRmClient>.Instance);
        var launch = new LaunchSettings { AmUrl = new Uri("http://127.0.0.1:1/"), Secret = "s", TrainerCommand = "true" };
        var stateDir = Directory.CreateTempSubdirectory("yarndl-amscale-state-");
        var driver = new AmDriver(state, client, nms, launch, new DriverOptions(), time, NullLogger<AmDriver>.Instance)
        {
            // As a submitted AM has: its state for the next attempt, saved when it changes.
            Store = new AmStateStore(new LocalStateFiles(stateDir.FullName)),
        };

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await client.RegisterAsync("127.0.0.1", 0, "http://127.0.0.1:1/", cancellationToken);
        while (nms.Started < containers)
        {
            await driver.TickAsync(cancellationToken);
        }

        var allRunningMs = wall.Elapsed.TotalMilliseconds;
        var now = time.GetUtcNow();
        foreach (var s in state.Sessions)
        {
            foreach (var t in s.Slots)
            {
                s.Register(new TaskIdentity(s.Id, t.Role, t.Index, s.Generation), "127.0.0.1", 7000 + t.Index, now);
            }
        }

        var registeredMs = wall.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        var idleHeartbeatMs = await IdleHeartbeats.CpuMsAsync(driver, process, cancellationToken);
        await driver.Store.FlushAsync();
        stateDir.Delete(recursive: true);
        output.WriteLine("mode=in-memory-rm (RM and NMs in memory: the AM core alone)");
        output.WriteLine(FormattableString.Invariant($"containers={containers} nodes={nodes} heartbeats={rm.Heartbeats}"));
        output.WriteLine(FormattableString.Invariant($"time_to_all_running_ms={allRunningMs:F1}"));
        output.WriteLine(FormattableString.Invariant($"time_to_all_registered_ms={registeredMs:F1}"));
        output.WriteLine(FormattableString.Invariant($"am_peak_rss_mb={process.PeakWorkingSet64 / (1024.0 * 1024):F1}"));
        output.WriteLine(FormattableString.Invariant($"am_idle_heartbeat_cpu_ms={idleHeartbeatMs:F3} ({IdleHeartbeats.Description})"));
        output.WriteLine(FormattableString.Invariant($"am_ms_per_container={cpuMs / containers:F3}"));
        return state.Sessions.All(s => s.State == ClusterState.Running) ? 0 : 1;
    }

    /// <summary>Runs this benchmark again in a child under the AM's JIT settings and passes its lines on.</summary>
    private static async Task<int> RunUnderAmRuntimeAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> amRuntime, TextWriter output, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>(amRuntime, StringComparer.Ordinal) { [AmRuntimeSettings.AppliedVariable] = "1" };
        using var child = BenchProcess.Start(["am-scale", .. args], environment);
        child.StandardInput.Close();
        try
        {
            while (await child.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith("benchmark=", StringComparison.Ordinal)) await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            await child.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        return child.ExitCode;
    }
}
